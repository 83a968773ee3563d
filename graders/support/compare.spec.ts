import { describe, expect, it } from 'vitest';
import { expectClose, firstDifference, unflatten } from './compare.ts';
import { GradeFailure } from './failure.ts';
import type { Dense } from './sandbox/wire.ts';

const dense = (shape: number[], values: number[]): Dense => ({ shape, data: Float64Array.from(values) });

describe('compare', () => {
  it('unflatten turns a row-major offset into an index', () => {
    expect(unflatten(0, [2, 3, 4])).toEqual([0, 0, 0]);
    expect(unflatten(23, [2, 3, 4])).toEqual([1, 2, 3]);
    expect(unflatten(13, [2, 3, 4])).toEqual([1, 0, 1]);
  });

  it('firstDifference reports the first element outside its tolerance, with index, got and expected', () => {
    const expected = dense([2, 2], [1, 2, 3, 4]);
    expect(firstDifference(dense([2, 2], [1, 2.05, 3, 4.5]), expected, 0.1)).toEqual({ index: [1, 1], got: 4.5, expected: 4, tolerance: 0.1 });
    expect(firstDifference(dense([2, 2], [1, 2.5, 3.5, 4]), expected, 0.1)).toMatchObject({ index: [0, 1], got: 2.5 });
    expect(firstDifference(dense([2, 2], [1, 2.05, 3, 4]), expected, 0.1)).toBeUndefined();
  });

  it('uses per-element tolerances, never accepts NaN, and accepts equal infinities', () => {
    const expected = dense([3], [1, Number.POSITIVE_INFINITY, 1]);
    expect(firstDifference(dense([3], [1.5, Number.POSITIVE_INFINITY, 1]), expected, Float64Array.from([1, 0, 0]))).toBeUndefined();
    expect(firstDifference(dense([3], [1.5, Number.POSITIVE_INFINITY, 1]), expected, Float64Array.from([0.1, 0, 0]))).toMatchObject({
      index: [0],
      tolerance: 0.1,
    });
    expect(firstDifference(dense([3], [1, Number.POSITIVE_INFINITY, Number.NaN]), expected, 1e9)).toMatchObject({ index: [2] });
    expect(firstDifference(dense([1], [Number.NaN]), dense([1], [Number.NaN]), 1e9)).toMatchObject({ index: [0] });
  });

  it('expectClose names the first differing element, or the shapes when they differ', () => {
    const options = { what: 'the result of correlate2d', backend: 'cpu' };
    const expected = dense([2, 2], [1, 2, 3, 4]);
    expect(() => expectClose(dense([2, 2], [1, 2, 3, 4]), expected, 0, options)).not.toThrow();
    expect(() => expectClose(dense([2, 2], [1, 2, 7, 4]), expected, 0.001, options)).toThrow(
      'the result of correlate2d differs at [1, 0]: got 7, expected 3 (tolerance 1.0e-3, backend cpu).',
    );
    expect(() => expectClose(dense([4], [1, 2, 3, 4]), expected, 0, options)).toThrow(GradeFailure);
    expect(() => expectClose(dense([4], [1, 2, 3, 4]), expected, 0, options)).toThrow('the result of correlate2d has shape [4], expected [2, 2].');
  });
});
