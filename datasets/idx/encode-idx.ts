import { gzipSync } from 'node:zlib';
import { IDX_TYPES, IDX_TYPE_NAMES } from './idx-types.ts';
import type { IdxArray, IdxType } from './idx-types.ts';

/** Options of {@link encodeIdx}. */
export interface EncodeIdxOptions {
  /**
   * Gzip the result (level 9), as MNIST-style `*.gz` files are.
   * @defaultValue false
   */
  gzip?: boolean;
}

/** The type name for a typed array, from its `toString` tag (works across realms). */
function typeOfData(data: unknown): IdxType | undefined {
  const tag = Object.prototype.toString.call(data).slice(8, -1);
  return IDX_TYPE_NAMES.find((t) => IDX_TYPES[t].tags.includes(tag));
}

/**
 * Encodes an array as an IDX file (the inverse of `parseIdx`): the 0x0000
 * magic, the type byte, the rank, big-endian uint32 dimensions, then the
 * elements big-endian, row-major.
 *
 * @param array - `{ type, shape, data }`: `shape` 1–255 non-negative integers below 2^32,
 *   `data` a typed array of the type's class holding exactly `∏ shape` elements
 * @param options - `gzip` to compress the result
 * @returns the file's bytes
 * @throws Error naming the problem when the type, shape or data length is invalid
 * @example
 * encodeIdx({ type: 'uint8', shape: [2], data: Uint8Array.of(7, 9) });
 * // → Uint8Array [0, 0, 8, 1, 0, 0, 0, 2, 7, 9]
 */
export function encodeIdx(array: IdxArray, options: EncodeIdxOptions = {}): Uint8Array {
  const { type, shape, data } = array;
  if (!IDX_TYPE_NAMES.includes(type)) {
    throw new Error(`encodeIdx: expected type to be one of ${IDX_TYPE_NAMES.join(', ')}, got ${JSON.stringify(type)}`);
  }
  const dataType = typeOfData(data);
  if (dataType !== type) {
    const want = IDX_TYPES[type].tags.join(' or ');
    throw new Error(`encodeIdx: expected data of type ${type} to be a ${want}, got ${Object.prototype.toString.call(data).slice(8, -1)}`);
  }
  if (!Array.isArray(shape) || shape.length < 1 || shape.length > 255) {
    throw new Error(`encodeIdx: expected shape to be an array of 1 to 255 dimensions, got ${JSON.stringify(shape)}`);
  }
  for (const d of shape) {
    if (!Number.isInteger(d) || d < 0 || d >= 2 ** 32) {
      throw new Error(`encodeIdx: expected every dimension to be an integer in [0, 2^32), got shape ${JSON.stringify(shape)}`);
    }
  }
  const count = shape.reduce((a, b) => a * b, 1);
  if (data.length !== count) {
    throw new Error(`encodeIdx: expected ${count} elements for shape [${shape.join(',')}], got ${data.length}`);
  }
  const spec = IDX_TYPES[type];
  const header = 4 + 4 * shape.length;
  const out = new Uint8Array(header + count * spec.bytes);
  const view = new DataView(out.buffer);
  out[2] = spec.code;
  out[3] = shape.length;
  shape.forEach((d, i) => {
    view.setUint32(4 + 4 * i, d, false);
  });
  if (spec.bytes === 1) {
    out.set(new Uint8Array(data.buffer, data.byteOffset, count), header);
  } else {
    for (let i = 0; i < count; i++) spec.set(view, header + i * spec.bytes, data[i]);
  }
  return options.gzip === true ? new Uint8Array(gzipSync(out, { level: 9 })) : out;
}
