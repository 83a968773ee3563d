/**
 * Which parts a mutant batch grades: per exercise, only the parts its mutant is judged on — its
 * targets, or every part for an `exactly` mutant (that check needs them all) — selected by one
 * vitest test-name filter (`-t`) over the whole batch. The mutants step and the release check
 * both grade with it (grade-batches.ts batchArgs), so their verdicts compare part by part.
 */
import escapeStringRegexp from 'escape-string-regexp';
import type { Exercise } from '../../../graders/support/course.ts';
import type { Batch, MutantJob } from './mutant-batches.ts';

/**
 * The parts of its exercise a mutant is graded on, in course order.
 *
 * @example gradedParts({ definition: { targets: ['D'] }, … }) → ['D']; with `exactly: true` → ['A', 'B', 'C', 'D', 'E', 'F']
 */
export function gradedParts(job: MutantJob): string[] {
  const { exercise, definition } = job;
  const unknown = definition.targets.filter((id) => !exercise.parts.some((p) => p.id === id));
  if (unknown.length > 0)
    throw new Error(
      `mutant ${exercise.id}/${job.name} targets ${unknown.join(',')}: expected parts of ${exercise.id} (${exercise.parts.map((p) => p.id).join(',')})`,
    );
  return exercise.parts.filter((p) => definition.exactly === true || definition.targets.includes(p.id)).map((p) => p.id);
}

/**
 * The name vitest gives a part's describe block (graders/support/exercise.ts `part`); a test's
 * full name is this, a space, then the test's own name.
 *
 * @example partSuiteName(exercise01, 'B') → 'Part B · correlate2d'
 */
export function partSuiteName(exercise: Exercise, partId: string): string {
  const part = exercise.parts.find((p) => p.id === partId);
  if (part === undefined) throw new Error(`expected a part of ${exercise.id} (${exercise.parts.map((p) => p.id).join(',')}), got ${partId}`);
  return `Part ${part.id} · ${part.title}`;
}

/**
 * The `-t` pattern that runs the graded parts of every job in the batch and nothing else:
 * anchored at the start of a test's full name and ending with the space before the test's name,
 * so a part never selects another part whose name merely begins with it (graded-parts.spec.ts
 * proves the course's part names tell the exercises apart).
 *
 * @example batchPattern({ jobs: [exercise01 mutant targeting D] }) → '^(?:Part D · conv2d \\(multi-channel layer\\)) '
 */
export function batchPattern(batch: Batch): string {
  const names = batch.jobs.flatMap((job) => gradedParts(job).map((id) => escapeStringRegexp(partSuiteName(job.exercise, id))));
  if (names.length === 0) throw new Error('expected a batch with at least one mutant, got none');
  return `^(?:${names.join('|')}) `;
}
