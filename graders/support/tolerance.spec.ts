import { describe, expect, it } from 'vitest';
import { absoluteFloor, float32UnitRoundoff, relativeTolerance, sumTolerance, sumTolerances } from './tolerance.ts';

describe('tolerances', () => {
  it('sumTolerance grows with the number of terms and with their magnitude, and keeps a floor at zero', () => {
    const terms = [1, 9, 27, 100, 1000];
    const byTerms = terms.map((k) => sumTolerance(k, 100));
    for (let i = 1; i < byTerms.length; i++) expect(byTerms[i]).toBeGreaterThan(byTerms[i - 1]);
    const byMagnitude = [0, 1e-6, 1, 1e3, 1e6].map((m) => sumTolerance(27, m));
    for (let i = 1; i < byMagnitude.length; i++) expect(byMagnitude[i]).toBeGreaterThan(byMagnitude[i - 1]);
    expect(sumTolerance(27, 0)).toBe(absoluteFloor);
  });

  it('is the float32 bound (K + 2)·u·Σ|terms| with a safety factor of 2, as documented', () => {
    expect(sumTolerance(27, 100)).toBeCloseTo(3.5e-4, 5);
    expect(sumTolerance(0, 1)).toBe(2 * 2 * float32UnitRoundoff + absoluteFloor);
    // Large enough to forgive float32 rounding of a 3×3×3 sum, far too small to forgive an error of 0.1 %.
    expect(sumTolerance(27, 100)).toBeGreaterThan(27 * float32UnitRoundoff * 100);
    expect(sumTolerance(27, 100)).toBeLessThan(0.1);
  });

  it('sumTolerances takes the absolute value of each magnitude', () => {
    expect(Array.from(sumTolerances(9, Float64Array.from([-4, 0, 4])))).toEqual([sumTolerance(9, 4), absoluteFloor, sumTolerance(9, 4)]);
  });

  it('relativeTolerance scales with the value and never goes below that of 1', () => {
    expect(relativeTolerance(1000, 8)).toBeCloseTo(9.5e-4, 5);
    expect(relativeTolerance(-1000, 8)).toBe(relativeTolerance(1000, 8));
    expect(relativeTolerance(1e-9, 8)).toBe(relativeTolerance(1, 8));
    expect(relativeTolerance(10, 16)).toBe(2 * relativeTolerance(10, 8));
  });
});
