/**
 * A run narrowed to one exercise: what `npm test <id>` reports for it. The store keeps one such
 * slice per exercise, so a run of several exercises and a run of one record the same thing.
 */
import type { RunResult } from './model.ts';

/**
 * The run narrowed to `exerciseId`; undefined when the run has no result for it. Scores are per
 * exercise already; counts are recounted, and run-wide errors stay unless they name another
 * exercise (`… of exercise-02 …`, the form score.ts writes them in).
 *
 * @example sliceRun(runOf01And02, 'exercise-01')?.exercises.map((e) => e.id) → ['exercise-01']
 */
export function sliceRun(run: RunResult, exerciseId: string): RunResult | undefined {
  const exercise = run.exercises.find((e) => e.id === exerciseId);
  if (exercise === undefined) return undefined;
  const counts = { passed: 0, failed: 0, skipped: 0 };
  for (const test of exercise.parts.flatMap((p) => p.tests)) counts[test.status]++;
  const others = run.exercises.map((e) => e.id).filter((id) => id !== exerciseId);
  const errors = run.errors.filter((error) => !others.some((id) => error.includes(` of ${id} `)));
  return { ...run, exercises: [exercise], errors, counts };
}
