import { readFile, writeFile } from 'node:fs/promises';
import { parseIdx } from './parse-idx.ts';
import { encodeIdx } from './encode-idx.ts';
import type { EncodeIdxOptions } from './encode-idx.ts';
import type { IdxArray } from './idx-types.ts';

/**
 * Reads and parses an IDX file, raw or gzipped (see `parseIdx`).
 *
 * @param path - the file
 * @returns `{ type, shape, data }`
 * @throws Error naming the file and the problem (missing file, bad header, wrong payload size)
 * @example
 * const { shape, data } = await readIdx('/usr/share/datasets/fashion-mnist/t10k-labels-idx1-ubyte.gz');
 * shape; // → [10000]
 */
export async function readIdx(path: string): Promise<IdxArray> {
  let bytes: Uint8Array;
  try {
    bytes = await readFile(path);
  } catch (e) {
    throw new Error(`readIdx: cannot read ${path}: ${(e as Error).message}`);
  }
  try {
    return parseIdx(bytes);
  } catch (e) {
    throw new Error(`${(e as Error).message} [file ${path}]`);
  }
}

/**
 * Encodes an array as IDX (see `encodeIdx`) and writes it to a file.
 *
 * @param path - the file to create or replace; by convention ending in `.gz` when gzipped
 * @param array - `{ type, shape, data }`
 * @param options - `gzip` to compress
 * @example
 * await writeIdx('/tmp/labels-idx1-ubyte.gz', { type: 'uint8', shape: [2], data: Uint8Array.of(7, 9) }, { gzip: true });
 */
export async function writeIdx(path: string, array: IdxArray, options: EncodeIdxOptions = {}): Promise<void> {
  await writeFile(path, encodeIdx(array, options));
}
