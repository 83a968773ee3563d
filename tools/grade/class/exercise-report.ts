/**
 * Reading one exercise's grading for the gradebook: its score, and what went wrong in a way the
 * status column must show — a compile error (every test failed with "does not compile"), a grader
 * that could not run, no result at all, a timeout.
 */
import type { ExerciseResult } from '../../../graders/support/results/model.ts';
import type { Problem } from './outcome.ts';

/** One exercise as the gradebook reports it. */
export interface ExerciseReport {
  score: number;
  problem?: Problem;
  /** One clause for the note ('' when nothing to say). */
  note: string;
}

function firstLine(text: string): string {
  return text.split('\n')[0].slice(0, 200);
}

/**
 * The report of exercise `id` from its result (paths already relative to the student's folder).
 *
 * @example exerciseReport('exercise-05', result) → { score: 0, problem: 'compile-error', note: 'exercise-05: does not compile: exercise-05-quiz/answers.ts:99:18: Unexpected ";"' }
 */
export function exerciseReport(id: string, result: ExerciseResult | undefined): ExerciseReport {
  if (result === undefined) return { score: 0, problem: 'crashed', note: `${id}: the grader did not run (0 points)` };
  if (result.error !== undefined) return { score: result.score, problem: 'crashed', note: `${id}: the grader could not run: ${firstLine(result.error)}` };
  // The kind of failure is data (graders/support/results/model.ts); the compiler's first line follows the summary's.
  const compile = result.parts.flatMap((p) => p.tests).find((t) => t.failure?.kind === 'compile');
  if (compile?.failure !== undefined) {
    const detail = compile.failure.summary.split('\n')[1] ?? compile.failure.summary;
    return { score: result.score, problem: 'compile-error', note: `${id}: does not compile: ${detail.trim().slice(0, 200)}` };
  }
  return { score: result.score, note: '' };
}

/**
 * The report of an exercise whose grading did not finish.
 *
 * @example unfinishedReport('exercise-01', { timedOut: true, budgetMs: 60_000, exitCode: null, tail: '' }).note → 'exercise-01: timed out after 60 s and was stopped (0 points)'
 */
export function unfinishedReport(id: string, run: { timedOut: boolean; budgetMs: number; exitCode: number | null; tail: string }): ExerciseReport {
  if (run.timedOut)
    return {
      score: 0,
      problem: 'timeout',
      note: `${id}: timed out after ${(run.budgetMs / 1000).toFixed(run.budgetMs < 10_000 ? 1 : 0)} s and was stopped (0 points)`,
    };
  const last = run.tail.trim().split('\n').pop() ?? '';
  return {
    score: 0,
    problem: 'crashed',
    note: `${id}: the grading ended without results (exit code ${run.exitCode})${last ? `: ${last.slice(0, 160)}` : ''} (0 points)`,
  };
}
