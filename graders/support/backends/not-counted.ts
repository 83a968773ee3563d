/**
 * Takes the current test out of the score, with a note saying why: for failures that a known
 * backend bug explains (known-bugs.ts), so correct code keeps its points. A skipped test neither
 * earns nor costs points (results/score.ts scores the tests that ran); the note is reported with
 * the test.
 */
import { TestRunner } from 'vitest';
import { GradeFailure } from '../failure.ts';

/**
 * Marks the running test skipped with `note` (vitest's `context.skip`, which marks the test before
 * it throws), then throws a fatal GradeFailure: a property stops shrinking and rethrows it, and
 * vitest still reports the test skipped, with the note kept on its result.
 *
 * @example notCounted('webgpu: tf.addN of 12 tensors is wrong on this device (tfjs-backend-webgpu 4.22)')
 */
export function notCounted(note: string): never {
  const test = TestRunner.getCurrentTest();
  if (test === undefined) throw new Error('notCounted: called outside a running test');
  try {
    test.context.skip(note);
  } catch {
    // Skipped: now keep the note, and stop a property from shrinking further (a fatal failure).
  }
  // The note is on vitest's result object, though its type does not declare it.
  if (test.result !== undefined) (test.result as { note?: string }).note = note;
  const failure = new GradeFailure(note);
  failure.fatal = true;
  throw failure;
}
