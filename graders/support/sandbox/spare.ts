/**
 * A student process started before the grader asks for one (watch mode): the vitest worker that
 * will grade the next save starts it while it waits, so tfjs is loaded in it by the time the
 * student saves. The grader's {@link Sandbox} adopts it on its first start, once; after a fault, or
 * for a second grading, it starts a fresh process as always — a used or faulted process is never
 * handed out again.
 *
 * The slot lives on `globalThis`: the spare is started by a bundle of this file imported natively
 * (`node --import`, see tools/lib/warm-grader.ts), while the Sandbox is loaded by vitest.
 *
 * @example
 *   startSpare({ backend: 'cpu', root, runner, privateDir, marker: 'run-1:spare' });
 *   takeSpare({ backend: 'cpu', readable: [datasets] }) // → the StartedProcess, then undefined
 */
import { type StartedProcess, type StartOptions, startStudentProcess } from './start-process.ts';

const slot = Symbol.for('cnn-course.spare-student-process');
type WithSlot = typeof globalThis & { [slot]?: StartedProcess };

/** What must agree for a spare to stand in for a process the Sandbox would start itself. */
export type SpareKey = Pick<StartOptions, 'backend' | 'icd' | 'readable' | 'memoryMiB'>;

function keyOf(k: SpareKey): string {
  return JSON.stringify([k.backend, k.icd ?? '', k.readable ?? [], k.memoryMiB ?? 1024]);
}

/** Starts a spare student process in this process's slot (replacing nothing: one at most). */
export function startSpare(options: StartOptions): void {
  const global = globalThis as WithSlot;
  if (global[slot] !== undefined) throw new Error('startSpare: expected an empty slot, got a spare already started');
  global[slot] = startStudentProcess(options);
}

/**
 * Takes the spare if it was started with the same settings and is still alive; it is removed
 * from the slot either way, so it is handed out at most once.
 */
export function takeSpare(key: SpareKey): StartedProcess | undefined {
  const global = globalThis as WithSlot;
  const spare = global[slot];
  if (spare === undefined) return undefined;
  global[slot] = undefined;
  const alive = spare.child.exitCode === null && spare.child.signalCode === null;
  if (alive && keyOf(spare.options) === keyOf(key)) return spare;
  spare.child.kill('SIGKILL');
  return undefined;
}
