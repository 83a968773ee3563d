import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadFashionMnist } from './load-fashion-mnist.ts';
import { readFashionMnistRaw } from './read-split.ts';
import { firstPerClass, takeExamples } from './subset.ts';
import { DEBIAN_DIR, SUBSET_DIR, SUBSET_PER_CLASS } from './files.ts';
import type { FashionMnistSplit } from './files.ts';

const splits: FashionMnistSplit[] = ['train', 'test'];
const hasDebian = existsSync(join(DEBIAN_DIR, 't10k-images-idx3-ubyte.gz'));
/** Shown in the test name when skipped: the one-line reason. */
const skipNote = hasDebian ? '' : ` (skipped: ${DEBIAN_DIR} absent; apt install dataset-fashion-mnist)`;

describe('the committed Fashion-MNIST subset', () => {
  it.each(splits)('%s loads: 10 balanced classes, [n,28,28] in [0,1], labels 0–9', async (split) => {
    const d = await loadFashionMnist({ split });
    const n = 10 * SUBSET_PER_CLASS[split];
    expect(d.count).toBe(n);
    expect([d.images.length, d.labels.length, d.height, d.width]).toEqual([n * 28 * 28, n, 28, 28]);
    const perClass = new Array(10).fill(0);
    for (const l of d.labels) perClass[l]++;
    expect(perClass).toEqual(new Array(10).fill(SUBSET_PER_CLASS[split]));
    expect(d.images.every((v) => v >= 0 && v <= 1)).toBe(true);
    expect(Math.max(...d.images.subarray(0, 784))).toBe(1); // a real image, not zeros
  });

  it('subset.json records the source indices of every example', () => {
    const record = JSON.parse(readFileSync(join(SUBSET_DIR, 'subset.json'), 'utf8'));
    for (const split of splits) expect(record[split].indices).toHaveLength(10 * SUBSET_PER_CLASS[split]);
  });

  it.skipIf(!hasDebian).each(splits)(`%s equals what make-subset.ts produces from the Debian files${skipNote}`, async (split) => {
    const full = await readFashionMnistRaw(split, DEBIAN_DIR);
    const expected = takeExamples(full, firstPerClass(full.labels, SUBSET_PER_CLASS[split]));
    const committed = await readFashionMnistRaw(split);
    expect(committed.count).toBe(expected.count);
    expect(Buffer.from(committed.labels).equals(Buffer.from(expected.labels))).toBe(true);
    expect(Buffer.from(committed.pixels).equals(Buffer.from(expected.pixels))).toBe(true);
  });

  it.skipIf(!hasDebian)(`the full test split loads from the Debian directory (10000 images)${skipNote}`, async () => {
    const d = await loadFashionMnist({ split: 'test', dir: DEBIAN_DIR });
    expect(d.count).toBe(10000);
  });
});

describe('loadFashionMnist: errors', () => {
  it('names the missing file and says how to get it', async () => {
    await expect(loadFashionMnist({ split: 'train', dir: '/nonexistent' })).rejects.toThrow(
      /missing \/nonexistent\/train-images-idx3-ubyte\.gz .*apt install dataset-fashion-mnist/,
    );
  });
  it('rejects an unknown split', async () => {
    await expect(loadFashionMnist({ split: 'validation' as FashionMnistSplit })).rejects.toThrow(
      `loadFashionMnist: expected options { split: 'train' | 'test', dir? }, got {"split":"validation"}`,
    );
  });
});

describe('firstPerClass', () => {
  it('takes the first k of each class in file order', () => {
    expect(firstPerClass(Uint8Array.of(1, 0, 1, 1, 0), 2, 2)).toEqual([0, 1, 2, 4]);
  });
  it('throws when a class is short', () => {
    expect(() => firstPerClass(Uint8Array.of(1, 1), 1, 2)).toThrow('firstPerClass: expected 1 examples of class 0, got 0');
  });
});
