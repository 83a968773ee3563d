import { describe, expect, it } from 'vitest';
import type { PartResult, RunResult } from '../../../graders/support/results/model.ts';
import type { Exercise } from '../../../graders/support/course.ts';
import { judgeInRelease, judgeRecorded, verdictOf } from './verdicts.ts';

/** A run of exercise-01 with parts A and B at the given points (out of 2). */
function run(points: { A: number; B: number }): RunResult {
  const part = (id: 'A' | 'B'): PartResult => ({
    id,
    title: id,
    score: points[id],
    maxScore: 2,
    bonus: false,
    status: points[id] === 2 ? 'passed' : 'failed',
    backends: [],
    tests: [],
  });
  return {
    schemaVersion: 2,
    startedAt: '',
    durationMs: 0,
    target: 't',
    seed: '',
    backends: [],
    unavailable: [],
    filtered: true,
    graders_modified: [],
    exercises: [{ id: 'exercise-01', title: '', score: 0, maxScore: 4, parts: [part('A'), part('B')] }],
    errors: [],
    counts: { passed: 0, failed: 0, skipped: 0 },
  };
}

describe('judgeInRelease: the release grades a mutant as the repository recorded', () => {
  const here = verdictOf(run({ A: 2, B: 0 }), 'exercise-01');

  it('accepts the same verdict when a targeted part lost points', () => {
    expect(judgeInRelease('m', ['B'], here, run({ A: 2, B: 0 }), 'exercise-01')).toEqual({ outcome: 'rejected by B' });
  });

  it('fails on a differing verdict, even when the mutant is still rejected there', () => {
    const judged = judgeInRelease('m', ['B'], here, run({ A: 0, B: 0 }), 'exercise-01');
    expect(judged.problem).toBe('exercise-01/m: verdict here [A:passed:2 B:failed:0] but in the release [A:failed:0 B:failed:0]');
  });

  it('fails when the release has no result for the exercise', () => {
    expect(judgeInRelease('m', ['B'], here, undefined, 'exercise-01').problem).toMatch(/in the release \[no result\]/);
  });

  it('fails when the verdicts agree but no targeted part lost points', () => {
    expect(judgeInRelease('m', ['A'], here, run({ A: 2, B: 0 }), 'exercise-01').problem).toMatch(/no targeted part \(A\)/);
  });
});

describe('verdicts over the parts a filtered grading ran', () => {
  /** Part A left out of the run (skipped, 0 points), part B graded and failing. */
  const filtered = (): RunResult => {
    const result = run({ A: 0, B: 0 });
    const [a] = result.exercises[0].parts;
    Object.assign(a, { status: 'skipped', tests: [{ name: 'left out', backend: 'cpu', status: 'skipped', durationMs: 0 }] });
    return result;
  };

  it('names only the graded parts', () => {
    expect(verdictOf(filtered(), 'exercise-01', ['B'])).toBe('B:failed:0');
    expect(verdictOf(filtered(), 'exercise-01')).toBe('A:skipped:0 B:failed:0');
  });

  it('accepts the release when the graded parts agree, and never counts a left-out part as lost', () => {
    expect(judgeInRelease('m', ['B'], 'B:failed:0', filtered(), 'exercise-01', ['B'])).toEqual({ outcome: 'rejected by B' });
    expect(judgeInRelease('m', ['A'], 'A:skipped:0', filtered(), 'exercise-01', ['A']).problem).toMatch(/no targeted part \(A\)/);
  });

  it('fails on a graded part that differs, without blaming a sealed answer for the left-out tests', () => {
    const judged = judgeInRelease('m', ['B'], 'B:passed:2', filtered(), 'exercise-01', ['B']);
    expect(judged.problem).toBe('exercise-01/m: verdict here [B:passed:2] but in the release [B:failed:0]');
    expect(judged.outcome).toBe('DIFFERENT: here [B:passed:2], release lost B');
  });
});

describe('a mutant proved, not graded in the release', () => {
  const exercise = {
    id: 'exercise-01',
    parts: [
      { id: 'A', points: 2 },
      { id: 'B', points: 2 },
    ],
  } as Exercise;

  it('is rejected by the targeted parts its recorded verdict lost', () => {
    expect(judgeRecorded('m', exercise, ['B'], 'A:passed:2 B:failed:1')).toEqual({ outcome: 'proved: rejected by B' });
  });

  it('is a problem when no targeted part lost points in its recorded verdict', () => {
    expect(judgeRecorded('m', exercise, ['B'], 'A:failed:0 B:passed:2').problem).toBe(
      'exercise-01/m: no targeted part (B) lost points in its recorded verdict [A:failed:0 B:passed:2]',
    );
    expect(judgeRecorded('m', exercise, ['B'], 'grader error: boom').problem).toContain('no targeted part');
  });
});
