import { describe, expect, it } from 'vitest';
import { propertySeed, replayPath, runSeed } from './seed.ts';

describe('seeds', () => {
  it("runSeed is 'default' unless GRADE_SEED names another, and refuses an unresolved 'random'", () => {
    expect(runSeed({})).toBe('default');
    expect(runSeed({ GRADE_SEED: '  ' })).toBe('default');
    expect(runSeed({ GRADE_SEED: ' 42 ' })).toBe('42');
    expect(() => runSeed({ GRADE_SEED: 'random' })).toThrow(/must be resolved/);
  });

  it('propertySeed is a 31-bit number, the same every time for the same run seed and test', () => {
    const a = propertySeed('exercise-01 › Part A › sizes', {});
    expect(propertySeed('exercise-01 › Part A › sizes', {})).toBe(a);
    expect(propertySeed('exercise-01 › Part A › sizes', { GRADE_SEED: 'default' })).toBe(a);
    expect(Number.isInteger(a) && a >= 0 && a < 2 ** 31).toBe(true);
  });

  it('different tests, and different run seeds, get different seeds', () => {
    const names = Array.from({ length: 50 }, (_, i) => `exercise-01 › test ${i}`);
    expect(new Set(names.map((n) => propertySeed(n, {}))).size).toBe(names.length);
    expect(propertySeed(names[0], { GRADE_SEED: 'other' })).not.toBe(propertySeed(names[0], {}));
  });

  it('replayPath accepts a fast-check path and says what it expected otherwise', () => {
    expect(replayPath({})).toBeUndefined();
    expect(replayPath({ GRADE_PATH: ' 12:3:0 ' })).toBe('12:3:0');
    expect(() => replayPath({ GRADE_PATH: '12;3' })).toThrow("GRADE_PATH: expected a fast-check path such as 12 or 12:3:0, got '12;3'.");
  });
});
