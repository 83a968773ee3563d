import { access } from 'node:fs/promises';
import { join } from 'node:path';
import { readIdx } from '../idx/read-write.ts';
import { FASHION_MNIST_FILES, SUBSET_DIR } from './files.ts';
import type { FashionMnistSplit } from './files.ts';

/** One split as stored: uint8 pixels and labels. */
export interface RawFashionMnist {
  /** `[count, 28, 28]` row-major, 0 (background) to 255. */
  pixels: Uint8Array;
  /** `[count]`, 0–9. */
  labels: Uint8Array;
  count: number;
}

/** The path of `name.gz`, else of `name` (uncompressed), else an error listing what is missing. */
async function findFile(dir: string, name: string): Promise<string> {
  for (const candidate of [join(dir, `${name}.gz`), join(dir, name)]) {
    try {
      await access(candidate);
      return candidate;
    } catch {
      /* try the next */
    }
  }
  throw new Error(
    `loadFashionMnist: missing ${join(dir, name)}.gz (or uncompressed ${name}); expected the Fashion-MNIST IDX files ` +
      `${Object.values(FASHION_MNIST_FILES)
        .flatMap((f) => [f.images, f.labels])
        .map((f) => `${f}.gz`)
        .join(', ')} in ${dir}. ` +
      `Omit \`dir\` to use the committed subset, or on Debian: apt install dataset-fashion-mnist (dir /usr/share/datasets/fashion-mnist).`,
  );
}

/**
 * Reads one split's IDX files from a directory and checks that they are
 * Fashion-MNIST-shaped: uint8 images `[n, 28, 28]`, uint8 labels `[n]` in 0–9.
 *
 * @param split - `'train'` or `'test'` (files `train-*` or `t10k-*`)
 * @param dir - the directory (default: the committed subset)
 * @returns the raw pixels `[n,28,28]` and labels `[n]`
 * @example
 * const { pixels, labels, count } = await readFashionMnistRaw('test');
 * count; // → 200 (the committed subset)
 */
export async function readFashionMnistRaw(split: FashionMnistSplit, dir: string = SUBSET_DIR): Promise<RawFashionMnist> {
  const files = FASHION_MNIST_FILES[split];
  if (files === undefined) throw new Error(`loadFashionMnist: expected split 'train' or 'test', got ${JSON.stringify(split)}`);
  const images = await readIdx(await findFile(dir, files.images));
  const labels = await readIdx(await findFile(dir, files.labels));
  const [n, h, w] = images.shape;
  if (images.type !== 'uint8' || images.shape.length !== 3 || h !== 28 || w !== 28) {
    throw new Error(`loadFashionMnist: expected ${files.images} to hold uint8 [n,28,28], got ${images.type} [${images.shape.join(',')}]`);
  }
  if (labels.type !== 'uint8' || labels.shape.length !== 1 || labels.shape[0] !== n) {
    throw new Error(`loadFashionMnist: expected ${files.labels} to hold uint8 [${n}], got ${labels.type} [${labels.shape.join(',')}]`);
  }
  const bad = labels.data.findIndex((l) => l > 9);
  if (bad >= 0) throw new Error(`loadFashionMnist: expected labels 0–9, got ${labels.data[bad]} at index ${bad} of ${files.labels}`);
  return { pixels: images.data as Uint8Array, labels: labels.data as Uint8Array, count: n };
}
