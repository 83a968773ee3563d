/**
 * Where a Gradescope submission keeps each exercise's files: uploaded loose (`convolution.ts`),
 * in its folder (`exercise-01-convolution/convolution.ts`), or as the whole repository
 * (`exercises/exercise-01-convolution/convolution.ts`, e.g. a GitHub submission).
 */
import { cpSync, existsSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Exercise } from '../../../graders/support/course.ts';

/**
 * Copies the submission's files of `exercise` into `target/<folder>/`; where the submission has
 * none, the pristine stub from `stubs` (so the exercise scores 0, "not implemented"). Returns a
 * note for the student when a file was missing.
 *
 * @example stageExercise(ex01, '/autograder/submission', '/autograder/source/exercises', '/tmp/t') → undefined
 */
export function stageExercise(exercise: Exercise, submission: string, stubs: string, target: string): string | undefined {
  const into = path.join(target, exercise.folder);
  cpSync(path.join(stubs, exercise.folder), into, { recursive: true });
  for (const folder of [path.join(submission, 'exercises', exercise.folder), path.join(submission, exercise.folder)]) {
    if (existsSync(folder) && statSync(folder).isDirectory()) {
      cpSync(folder, into, { recursive: true, dereference: false });
      return exercise.files.every((f) => existsSync(path.join(folder, f)))
        ? undefined
        : `${exercise.id}: ${exercise.files.join(', ')} not all in ${path.basename(folder)}/; the missing ones are the stubs.`;
    }
  }
  const loose = exercise.files.filter((f) => existsSync(path.join(submission, f)));
  for (const f of loose) {
    mkdirSync(path.dirname(path.join(into, f)), { recursive: true });
    cpSync(path.join(submission, f), path.join(into, f));
  }
  return loose.length === exercise.files.length
    ? undefined
    : `${exercise.id}: the submission has no ${exercise.files.filter((f) => !loose.includes(f)).join(', ')}; graded as the stub.`;
}
