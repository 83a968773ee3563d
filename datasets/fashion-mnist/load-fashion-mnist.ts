import { readFashionMnistRaw } from './read-split.ts';
import type { FashionMnistSplit } from './files.ts';

/** Options of {@link loadFashionMnist}. */
export interface LoadFashionMnistOptions {
  /** `'train'` or `'test'`. */
  split: FashionMnistSplit;
  /**
   * A directory holding the four upstream files (`train-images-idx3-ubyte.gz`, …;
   * uncompressed files are accepted too), e.g. `/usr/share/datasets/fashion-mnist`.
   * @defaultValue the committed subset in `datasets/fashion-mnist/` (500 train, 200 test images)
   */
  dir?: string;
}

/** One split of Fashion-MNIST, laid out like the bars dataset. */
export interface FashionMnistDataset {
  /** `[count, 28, 28]` row-major, pixel / 255, in [0, 1]. */
  images: Float32Array;
  /** `[count]`, 0–9 (see `FASHION_MNIST_CLASS_NAMES`). */
  labels: Uint8Array;
  count: number;
  height: 28;
  width: 28;
}

/**
 * Loads Fashion-MNIST: by default the small class-balanced subset committed in
 * this repository (the first 50 train / 20 test images of each class, in file
 * order); the full set when `dir` points at the upstream files.
 *
 * @param options - split and optional directory
 * @returns images `[count, 28, 28]` in [0, 1] and labels `[count]` in 0–9
 * @throws Error naming the missing file, or the file whose shape or labels are wrong
 * @example
 * const test = await loadFashionMnist({ split: 'test' });
 * test.count; // → 200
 * const full = await loadFashionMnist({ split: 'test', dir: '/usr/share/datasets/fashion-mnist' });
 * full.count; // → 10000
 */
export async function loadFashionMnist(options: LoadFashionMnistOptions): Promise<FashionMnistDataset> {
  if (typeof options !== 'object' || options === null || (options.split !== 'train' && options.split !== 'test')) {
    throw new Error(`loadFashionMnist: expected options { split: 'train' | 'test', dir? }, got ${JSON.stringify(options)}`);
  }
  const { pixels, labels, count } = await readFashionMnistRaw(options.split, options.dir);
  const images = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) images[i] = pixels[i] / 255;
  return { images, labels, count, height: 28, width: 28 };
}
