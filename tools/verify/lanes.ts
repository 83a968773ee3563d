/**
 * Two pools side by side: jobs that mostly wait (a hostile submission's per-call time limits, a
 * promise that never settles) get lanes of their own next to the `busy` lanes, so their waits
 * overlap the CPU-bound jobs instead of taking a core's turn.
 */
import { inPool } from '../lib/grade-run.ts';

/**
 * Runs `job` over `items`: those `waits` picks with at most `lanes.waiting` at a time, the rest with
 * at most `lanes.busy`, both pools at once; results in the items' order.
 *
 * @example await inLanes(['a', 'hang', 'b'], (s) => s === 'hang', { busy: 2, waiting: 1 }, run) → [run('a'), run('hang'), run('b')] (all three started at once)
 */
export async function inLanes<T, R>(
  items: T[],
  waits: (item: T) => boolean,
  lanes: { busy: number; waiting: number },
  job: (item: T) => Promise<R>,
): Promise<R[]> {
  for (const [name, n] of Object.entries(lanes)) {
    if (!Number.isInteger(n) || n < 1) throw new Error(`inLanes: expected a whole number ≥ 1 of ${name} lanes, got ${n}.`);
  }
  const indexed = items.map((item, index) => ({ item, index }));
  const results = new Array<R>(items.length);
  const run = async (group: typeof indexed, limit: number): Promise<void> => {
    await inPool(group, limit, async ({ item, index }) => {
      results[index] = await job(item);
    });
  };
  await Promise.all([
    run(
      indexed.filter((i) => !waits(i.item)),
      lanes.busy,
    ),
    run(
      indexed.filter((i) => waits(i.item)),
      lanes.waiting,
    ),
  ]);
  return results;
}
