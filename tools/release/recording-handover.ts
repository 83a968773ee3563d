/**
 * The solutions' grading, handed from verify's solutions step to its release step: that step
 * grades `solutions/` with recording on (the default seed, no replay), so the release build seals
 * that recording instead of grading the solutions a second time. Kept in this process only, like
 * the mutants' verdicts (check/recorded-verdicts.ts): a recording from another run is never used.
 */
import { rmSync } from 'node:fs';
import type { Recording } from './record.ts';

let handed: Recording | undefined;

function removeHanded(): void {
  if (handed !== undefined) rmSync(handed.dir, { recursive: true, force: true });
  handed = undefined;
}

// A recording nobody took (verify without its release step) is removed when the process ends.
process.on('exit', removeHanded);

/** Hands `recording` over (replacing, and removing, any earlier one). */
export function handOverRecording(recording: Recording): void {
  if (handed?.dir !== recording.dir) removeHanded();
  handed = recording;
}

/**
 * The recording handed over, without taking it (undefined when none is): the mutants step grades
 * against it to prove which mutants the release need not grade again (check/sealed-proof.ts).
 * Whether the release seals it is decided when the release takes it; a proof is used only where
 * the release's sealed files are this recording's.
 *
 * @example peekRecording()?.dir → '/tmp/record-…'
 */
export function peekRecording(): Recording | undefined {
  return handed;
}

/** The names of the backends a run graded on, sorted. */
function backendNames(recording: Recording): string[] {
  return recording.result.backends.map((b) => b.name).sort();
}

/**
 * The recording handed over, when it fits a release on `backends` (the same backends, the default
 * seed, a complete run); otherwise undefined and why. The caller owns a recording it takes (and
 * removes its folder): it is handed over once.
 *
 * @example takeRecording(['cpu']) → { recording: { dir: '/tmp/record-…', result, … }, reason: 'reference recorded by the solutions step' }
 * @example takeRecording(['cpu', 'webgpu']) → { recording: undefined, reason: 'the solutions step graded on cpu, the release is on cpu, webgpu' }
 */
export function takeRecording(backends: string[]): { recording: Recording | undefined; reason: string } {
  if (handed === undefined) return { recording: undefined, reason: 'the solutions step did not run' };
  const graded = backendNames(handed);
  const wanted = [...backends].sort();
  if (graded.join(',') !== wanted.join(','))
    return { recording: undefined, reason: `the solutions step graded on ${graded.join(', ') || 'no backend'}, the release is on ${wanted.join(', ')}` };
  if (handed.result.seed !== 'default' || handed.result.filtered)
    return { recording: undefined, reason: `the solutions step's grading was not a complete one with the default seed (seed ${handed.result.seed})` };
  const recording = handed;
  handed = undefined;
  return { recording, reason: 'reference recorded by the solutions step' };
}
