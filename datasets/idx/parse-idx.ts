import { gunzipSync } from 'node:zlib';
import { IDX_TYPES, IDX_TYPE_NAMES, hex, idxTypeOfCode } from './idx-types.ts';
import type { IdxArray, IdxDataMap, IdxType } from './idx-types.ts';

/**
 * True when the bytes start with the gzip magic 1f 8b (a raw IDX file starts with 00 00).
 *
 * @param bytes - a file's contents
 * @example
 * isGzip(Uint8Array.of(0x1f, 0x8b, 8)); // → true
 */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/**
 * Parses an IDX file (the MNIST / Fashion-MNIST format), raw or gzipped.
 *
 * Layout: bytes 0–1 are 0x00 0x00; byte 2 the type (0x08 uint8, 0x09 int8,
 * 0x0B int16, 0x0C int32, 0x0D float32, 0x0E float64); byte 3 the rank r ≥ 1;
 * then r big-endian uint32 dimension sizes; then the elements, big-endian,
 * row-major. Gzip is recognised by its 1f 8b magic and inflated first.
 *
 * Everything is validated — magic, type, rank, header length, and a payload
 * of exactly the size the shape implies — and each failure throws an `Error`
 * starting with `IDX:` that names the problem.
 *
 * @param bytes - the file's contents
 * @returns `{ type, shape, data }`, `data` a fresh typed array of `∏ shape` elements
 * @example
 * parseIdx(Uint8Array.of(0, 0, 0x08, 1, 0, 0, 0, 2, 7, 9));
 * // → { type: 'uint8', shape: [2], data: Uint8Array [7, 9] }
 */
export function parseIdx(bytes: Uint8Array): IdxArray {
  if (!(bytes instanceof Uint8Array)) {
    throw new Error(`IDX: expected the file's bytes as a Uint8Array (or Buffer), got ${Object.prototype.toString.call(bytes)}`);
  }
  if (isGzip(bytes)) {
    try {
      bytes = gunzipSync(bytes);
    } catch (e) {
      throw new Error(`IDX: corrupted gzip data (${(e as Error).message}); expected a valid gzip stream of an IDX file`);
    }
  }
  if (bytes.length < 4) throw new Error(`IDX: expected a header of at least 4 bytes, got ${bytes.length} bytes (truncated file?)`);
  if (bytes[0] !== 0 || bytes[1] !== 0) {
    throw new Error(`IDX: expected magic 0x00 0x00 in bytes 0–1, got ${hex(bytes[0])} ${hex(bytes[1])} (not an IDX file?)`);
  }
  const type = idxTypeOfCode(bytes[2]);
  if (type === undefined) {
    const known = IDX_TYPE_NAMES.map((t) => `${hex(IDX_TYPES[t].code)} ${t}`).join(', ');
    throw new Error(`IDX: unknown type byte ${hex(bytes[2])} at byte 2; expected one of ${known}`);
  }
  const rank = bytes[3];
  if (rank === 0) throw new Error('IDX: expected a rank ≥ 1 in byte 3, got 0');
  const headerBytes = 4 + 4 * rank;
  if (bytes.length < headerBytes) {
    throw new Error(`IDX: expected ${headerBytes} header bytes for rank ${rank}, got ${bytes.length} (truncated file?)`);
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const shape: number[] = [];
  for (let i = 0; i < rank; i++) shape.push(view.getUint32(4 + 4 * i, false));
  const { bytes: size } = IDX_TYPES[type];
  const count = shape.reduce((a, b) => a * b, 1);
  const expected = count * size;
  const got = bytes.length - headerBytes;
  if (got !== expected) {
    const why = got < expected ? 'truncated file?' : 'trailing bytes?';
    throw new Error(`IDX: expected ${expected} bytes of ${type} payload for shape [${shape.join(',')}], got ${got} (${why})`);
  }
  return { type, shape, data: decode(type, view, headerBytes, count) } as IdxArray;
}

/** Decodes `count` big-endian elements starting at `offset`. */
function decode<K extends IdxType>(type: K, view: DataView, offset: number, count: number): IdxDataMap[K] {
  const spec = IDX_TYPES[type];
  if (spec.bytes === 1) {
    // Single bytes have no byte order: copy them in one go.
    const src = new Uint8Array(view.buffer, view.byteOffset + offset, count);
    const out = spec.create(count);
    new Uint8Array(out.buffer).set(src);
    return out as IdxDataMap[K];
  }
  const out = spec.create(count);
  for (let i = 0; i < count; i++) out[i] = spec.get(view, offset + i * spec.bytes);
  return out as IdxDataMap[K];
}
