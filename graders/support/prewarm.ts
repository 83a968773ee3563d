/**
 * Starts the student's process before the grader loads tfjs, so the two loads overlap. A grader
 * file calls it first and imports the rest dynamically:
 *
 *     import { prewarm } from '../support/prewarm.ts';
 *     prewarm('exercise-01');
 *     const { gradeExercise } = await import('../support/exercise.ts');
 *
 * Deliberately free of tfjs imports. Does nothing when no part of the exercise runs on this
 * backend.
 */
import { findExercise } from './course.ts';
import { currentBackend, currentSandbox } from './sandbox/current.ts';
import { gradeNoPrewarm } from './settings.ts';

export function prewarm(exerciseId: string): void {
  const exercise = findExercise(exerciseId);
  const runsHere = currentBackend() === 'cpu' || exercise.parts.some((p) => p.tensors === true);
  if (runsHere && !gradeNoPrewarm.read()) currentSandbox().warm();
}
