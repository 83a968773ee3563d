import type { RawFashionMnist } from './read-split.ts';

/**
 * Indices of the first `perClass` examples of each class, in file order
 * (no randomness: the upstream files are already shuffled, so this is a fair,
 * balanced and reproducible sample).
 *
 * @param labels - `[n]`, 0–9
 * @param perClass - how many of each class
 * @param classes - number of classes, labels `0 .. classes-1` (default 10)
 * @returns ascending indices, `classes · perClass` of them
 * @throws Error when a class has fewer than `perClass` examples
 * @example
 * firstPerClass(Uint8Array.of(1, 0, 1, 1, 0), 2, 2); // → [0, 1, 2, 4]
 */
export function firstPerClass(labels: Uint8Array, perClass: number, classes = 10): number[] {
  const taken = new Array<number>(classes).fill(0);
  const picked: number[] = [];
  for (let i = 0; i < labels.length && picked.length < perClass * classes; i++) {
    if (taken[labels[i]] < perClass) {
      taken[labels[i]]++;
      picked.push(i);
    }
  }
  const short = taken.findIndex((t) => t < perClass);
  if (short >= 0) throw new Error(`firstPerClass: expected ${perClass} examples of class ${short}, got ${taken[short]}`);
  return picked;
}

/**
 * The examples at `indices`, in that order.
 *
 * @param data - pixels `[n,28,28]` and labels `[n]`
 * @param indices - which examples
 * @returns pixels `[k,28,28]` and labels `[k]`, `k = indices.length`
 * @example
 * takeExamples(full, [0, 5]).count; // → 2
 */
export function takeExamples(data: RawFashionMnist, indices: readonly number[]): RawFashionMnist {
  const size = data.pixels.length / data.count;
  const pixels = new Uint8Array(indices.length * size);
  indices.forEach((src, k) => {
    pixels.set(data.pixels.subarray(src * size, (src + 1) * size), k * size);
  });
  return { pixels, labels: Uint8Array.from(indices, (i) => data.labels[i]), count: indices.length };
}
