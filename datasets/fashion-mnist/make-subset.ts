/**
 * Writes the committed Fashion-MNIST subset from the full upstream files:
 * for each split, the first SUBSET_PER_CLASS examples of each class, in file
 * order, as gzipped IDX files in this folder (same names as upstream), plus
 * subset.json recording the source indices.
 *
 *   npx tsx datasets/fashion-mnist/make-subset.ts [sourceDir]
 *
 * sourceDir defaults to Debian's /usr/share/datasets/fashion-mnist.
 * Deterministic: run twice, get the same arrays (the spec checks this).
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { writeIdx } from '../idx/read-write.ts';
import { DEBIAN_DIR, FASHION_MNIST_FILES, SUBSET_DIR, SUBSET_PER_CLASS } from './files.ts';
import type { FashionMnistSplit } from './files.ts';
import { readFashionMnistRaw } from './read-split.ts';
import { firstPerClass, takeExamples } from './subset.ts';

// node:util parseArgs, like every command (datasets/ sits below graders/support/command-line.ts, so it is not shared).
const usage = 'npx tsx datasets/fashion-mnist/make-subset.ts [sourceDir]';
const { values, positionals } = (() => {
  try {
    return parseArgs({ options: { help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  } catch (error) {
    throw new Error(`make-subset: ${(error as Error).message.split('. ')[0]}; accepted: --help (-h) — usage: ${usage}`);
  }
})();
if (values.help === true || positionals.length > 1) {
  process.stdout.write(`usage: ${usage}\n`);
  process.exit(values.help === true ? 0 : 2);
}
const source = positionals[0] ?? DEBIAN_DIR;
const record: Record<string, unknown> = {
  source: 'Fashion-MNIST (Xiao, Rasul & Vollgraf 2017, MIT licence), Debian package dataset-fashion-mnist',
  rule: 'first perClass examples of each class, in file order',
  perClass: SUBSET_PER_CLASS,
};
for (const split of ['train', 'test'] as FashionMnistSplit[]) {
  const full = await readFashionMnistRaw(split, source);
  const indices = firstPerClass(full.labels, SUBSET_PER_CLASS[split]);
  const subset = takeExamples(full, indices);
  const files = FASHION_MNIST_FILES[split];
  await writeIdx(join(SUBSET_DIR, `${files.images}.gz`), { type: 'uint8', shape: [subset.count, 28, 28], data: subset.pixels }, { gzip: true });
  await writeIdx(join(SUBSET_DIR, `${files.labels}.gz`), { type: 'uint8', shape: [subset.count], data: subset.labels }, { gzip: true });
  record[split] = { count: subset.count, sourceCount: full.count, indices };
  console.log(`${split}: ${subset.count} of ${full.count} images → ${join(SUBSET_DIR, `${files.images}.gz`)}`);
}
await writeFile(join(SUBSET_DIR, 'subset.json'), `${JSON.stringify(record)}\n`);
