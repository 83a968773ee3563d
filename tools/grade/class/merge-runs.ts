/**
 * One RunResult from several: when a submission's exercises are graded one at a time (after the
 * run of all of them did not finish), the feedback and results file still show one run.
 */
import type { RunResult } from '../../../graders/support/results/model.ts';

/**
 * The runs' exercises in the order of `ids`, their errors and counts added up; undefined when
 * there is no run.
 *
 * @example mergeRuns([runOf01, runOf05], ['exercise-01', 'exercise-05']).exercises.map((e) => e.id) → ['exercise-01', 'exercise-05']
 */
export function mergeRuns(runs: RunResult[], ids: string[]): RunResult | undefined {
  if (runs.length === 0) return undefined;
  if (runs.length === 1) return runs[0];
  const exercises = ids.flatMap((id) => runs.flatMap((r) => r.exercises.filter((e) => e.id === id)));
  const sum = (key: keyof RunResult['counts']): number => runs.reduce((s, r) => s + r.counts[key], 0);
  return {
    ...runs[0],
    durationMs: runs.reduce((s, r) => s + r.durationMs, 0),
    exercises,
    errors: runs.flatMap((r) => r.errors),
    graders_modified: [...new Set(runs.flatMap((r) => r.graders_modified))],
    counts: { passed: sum('passed'), failed: sum('failed'), skipped: sum('skipped') },
  };
}
