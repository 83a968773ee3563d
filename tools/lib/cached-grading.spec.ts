import { describe, expect, it } from 'vitest';
import { runResult } from '../../graders/support/results/run-fixture.ts';
import type { StoredGrading } from '../../graders/support/results/store.ts';
import { staleReasons } from './cached-grading.ts';
import type { CacheInputs } from './grade-cache.ts';

const now: CacheInputs = { target: '/repo/exercises', student: 's1', graders: 'g1', backends: 'cpu', seed: 'default' };
const result = runResult([], { backends: [] });
const stored = (inputs: Record<string, string> | undefined): StoredGrading => ({ gradedAt: '', gradings: 1, result, ...(inputs ? { inputs } : {}) });

describe('when a stored grading is reused', () => {
  it('reuses one graded from exactly the current inputs', () => {
    expect(staleReasons(stored({ ...now }), now)).toEqual([]);
  });

  it('says which inputs changed', () => {
    expect(staleReasons(stored({ ...now, student: 's0' }), now)).toEqual(['your files changed']);
    expect(staleReasons(stored({ ...now, graders: 'g0', backends: 'cpu, webgpu' }), now)).toEqual(['the grading files changed', 'the backends changed']);
  });

  it('never reuses a grading without inputs (npm test recorded it) or with GRADE_SEED=random', () => {
    expect(staleReasons(stored(undefined), now)).toEqual(['graded by npm test, whose inputs are not recorded']);
    expect(staleReasons(stored({ ...now, seed: 'random' }), { ...now, seed: 'random' })).toEqual(['the run seed changed']);
  });
});
