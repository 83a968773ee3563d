/**
 * The mutant pipeline's memory: the verdict each mutant got in this repository, recorded by
 * verify's mutants step, so the release check grades each mutant once (in the release) and
 * compares instead of grading it here a second time. Kept in this process only: a verdict from
 * another run (other graders, other solutions) is never reused.
 */
import { createHash } from 'node:crypto';
import type { MutantJob } from './mutant-batches.ts';

const recorded = new Map<string, string>();

/** A mutant's key: its exercise, name and definition, so an edited mutant is never matched. */
function keyOf(job: MutantJob): string {
  const definition = createHash('sha256').update(JSON.stringify(job.definition)).digest('hex').slice(0, 16);
  return `${job.exercise.id}/${job.name}#${definition}`;
}

/** Records the verdict `job` got in this repository (see verdicts.ts verdictOf). */
export function recordVerdict(job: MutantJob, verdict: string): void {
  recorded.set(keyOf(job), verdict);
}

/** The verdict recorded for `job` in this process, or undefined when the mutants step did not grade it. */
export function recordedVerdict(job: MutantJob): string | undefined {
  return recorded.get(keyOf(job));
}
