import { describe, expect, it } from 'vitest';
import type { Exercise } from '../../graders/support/course.ts';
import type { TestStatus } from '../../graders/support/results/model.ts';
import { partResult, runResult } from '../../graders/support/results/run-fixture.ts';
import type { MutantJob } from '../release/check/mutant-batches.ts';
import { judgeMutant } from './check-mutants.ts';

const exercise = { id: 'exercise-01', parts: ['A', 'B', 'C'].map((id) => ({ id, title: id })) } as Exercise;
const job = (targets: string[], exactly?: boolean): MutantJob => ({ exercise, name: 'm', definition: { description: 'd', targets, edits: [], exactly } });

const run = (a: TestStatus, b: TestStatus, c: TestStatus) =>
  runResult([{ id: 'exercise-01', title: '', score: 0, maxScore: 6, parts: [partResult('A', a), partResult('B', b), partResult('C', c)] }], { filtered: true });

describe('judgeMutant on a grading of the targeted parts only', () => {
  it('rejects on a failing target; the parts left out (skipped) count neither as rejected nor as passed', () => {
    const judged = judgeMutant(job(['B']), run('skipped', 'failed', 'skipped'), '');
    expect(judged).toEqual({ ok: true, row: ['exercise-01', 'm', 'B', '1/3', 'rejected by B', 'B: tB'] });
  });

  it('does not catch a mutant whose targets all pass, whatever the left-out parts show', () => {
    expect(judgeMutant(job(['B']), run('skipped', 'passed', 'skipped'), '').row[4]).toBe('NOT CAUGHT');
  });

  it('fails when a graded part did not run (a filter that missed it)', () => {
    const judged = judgeMutant(job(['A', 'B']), run('skipped', 'failed', 'skipped'), '');
    expect(judged.ok).toBe(false);
    expect(judged.row[4]).toBe('NOT GRADED: A did not run');
  });

  it('grades an exact mutant on every part and refuses one that lost a part it does not target', () => {
    expect(judgeMutant(job(['B'], true), run('passed', 'failed', 'passed'), '')).toMatchObject({ ok: true, row: { 3: '3/3', 4: 'rejected by B' } });
    expect(judgeMutant(job(['B'], true), run('failed', 'failed', 'passed'), '')).toMatchObject({ ok: false, row: { 4: 'WRONG PARTS: lost A,B' } });
  });

  it('says NO RESULT with the end of the output when the run has none for the exercise', () => {
    expect(judgeMutant(job(['B']), undefined, 'a\nb\nc\nd').row.slice(3)).toEqual(['1/3', 'NO RESULT', 'b c d']);
  });
});
