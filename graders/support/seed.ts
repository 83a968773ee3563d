/**
 * Seeds: every random draw of a grading run comes from one run seed, printed in the header and
 * in every failure. By default the run seed is fixed ("default"), so grading is deterministic and
 * a student release replays exactly the reference calls recorded when it was built.
 *
 * - `GRADE_SEED=<text>` picks another run seed; `GRADE_SEED=random` draws one (and prints it).
 * - `GRADE_PATH=<path>` replays one fast-check case (the path printed with a failure).
 */
import { createHash } from 'node:crypto';
import { gradePath, gradeSeed } from './settings.ts';

/** The run seed: 'default' unless GRADE_SEED says otherwise. */
export function runSeed(env: NodeJS.ProcessEnv = process.env): string {
  const raw = gradeSeed.read(env);
  if (raw === 'random') {
    // Fixed for the whole run: the config resolves 'random' once and passes the number down.
    throw new Error("GRADE_SEED=random must be resolved by the runner's configuration before grading.");
  }
  return raw;
}

/** A 31-bit seed for one property, derived from the run seed and the test's identity. */
export function propertySeed(testId: string, env: NodeJS.ProcessEnv = process.env): number {
  const digest = createHash('sha256')
    .update(`${runSeed(env)}\n${testId}`)
    .digest();
  return digest.readUInt32BE(0) & 0x7fffffff;
}

/** The fast-check path to replay (GRADE_PATH), if any. */
export function replayPath(env: NodeJS.ProcessEnv = process.env): string | undefined {
  return gradePath.read(env);
}
