import { describe, expect, test } from 'vitest';
import { cacheFile } from './grade-cache.ts';

// Reusing a stored result (fresh, stale and why, GRADE_SEED=random) is specified in
// cached-grading.spec.ts; storing and reading results in graders/support/results/store.spec.ts.
describe('grade cache', () => {
  test('one cache folder per graded folder, named as the result store names it', () => {
    expect(cacheFile('exercise-01', '/repo/exercises', '/repo')).toBe('/repo/.grade/cache/exercises/exercise-01.json');
    expect(cacheFile('exercise-01', '/repo/.grade/mutants/x', '/repo')).toBe('/repo/.grade/cache/.grade~mutants~x/exercise-01.json');
    expect(cacheFile('exercise-01', '/elsewhere/alice', '/repo')).toMatch(/^\/repo\/\.grade\/cache\/outside-[0-9a-f]{12}\/exercise-01\.json$/);
  });
});
