/**
 * The mutant pipeline's memory: the verdict each mutant got in this repository, recorded by
 * verify's mutants step, so the release check grades each mutant once (in the release) and
 * compares instead of grading it here a second time — and, with it, whether the mutants step
 * proved that the release would give the same verdict (sealed-proof.ts), against which sealed
 * recording, so the release need not grade it at all. Kept in this process only: a verdict from
 * another run (other graders, other solutions) is never reused.
 */
import { createHash } from 'node:crypto';
import type { MutantJob } from './mutant-batches.ts';
import type { SealedProof } from './sealed-proof.ts';

/** A proof, and the fingerprint of the exercise's sealed file it was made against (sealed-proof.ts fingerprint). */
export interface RecordedProof extends SealedProof {
  sealed: string;
}

interface Recorded {
  verdict: string;
  proof?: RecordedProof;
}

const recorded = new Map<string, Recorded>();

/** A mutant's key: its exercise, name and definition, so an edited mutant is never matched. */
function keyOf(job: MutantJob): string {
  const definition = createHash('sha256').update(JSON.stringify(job.definition)).digest('hex').slice(0, 16);
  return `${job.exercise.id}/${job.name}#${definition}`;
}

/** Records the verdict `job` got in this repository (see verdicts.ts verdictOf), and the sealed proof when one was attempted. */
export function recordVerdict(job: MutantJob, verdict: string, proof?: RecordedProof): void {
  recorded.set(keyOf(job), { verdict, ...(proof === undefined ? {} : { proof }) });
}

/** The verdict recorded for `job` in this process, or undefined when the mutants step did not grade it. */
export function recordedVerdict(job: MutantJob): string | undefined {
  return recorded.get(keyOf(job))?.verdict;
}

/**
 * Whether the mutants step proved that a release whose sealed file for the mutant's exercise has
 * fingerprint `sealed` gives `job` its recorded verdict (a proof made against another recording
 * never counts).
 *
 * @example provedEqual(job, releaseFingerprints(release, ids).get(job.exercise.id)) → true
 */
export function provedEqual(job: MutantJob, sealed: string | undefined): boolean {
  const proof = recorded.get(keyOf(job))?.proof;
  return proof?.holds === true && sealed !== undefined && proof.sealed === sealed;
}
