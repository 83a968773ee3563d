/**
 * Sharding a class across machines: `--shard K/N` grades the submissions whose position in name
 * order is K-1, K-1+N, K-1+2N, … (round robin, so every shard gets a mix of early and late names).
 */

/** One slice of N: `index` is 1-based. */
export interface Shard {
  index: number;
  count: number;
}

/**
 * Parses `K/N` (1 ≤ K ≤ N); throws saying what was expected otherwise.
 *
 * @example parseShard('2/4') → { index: 2, count: 4 }
 */
export function parseShard(text: string): Shard {
  const match = /^\s*(\d+)\s*\/\s*(\d+)\s*$/.exec(text);
  const index = match ? Number(match[1]) : NaN;
  const count = match ? Number(match[2]) : NaN;
  if (!(index >= 1 && count >= 1 && index <= count && count <= 1000)) {
    throw new Error(`--shard: expected K/N with 1 ≤ K ≤ N ≤ 1000 (e.g. 2/4), got '${text}'.`);
  }
  return { index, count };
}

/**
 * The items of `sorted` that belong to `shard`.
 *
 * @example inShard(['a', 'b', 'c', 'd', 'e'], { index: 2, count: 2 }) → ['b', 'd']
 */
export function inShard<T>(sorted: T[], shard: Shard): T[] {
  return sorted.filter((_, i) => i % shard.count === shard.index - 1);
}
