import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { gunzipSync } from 'node:zlib';
import { encodeIdx } from './encode-idx.ts';
import { parseIdx } from './parse-idx.ts';
import { readIdx } from './read-write.ts';
import { IDX_TYPES, IDX_TYPE_NAMES } from './idx-types.ts';
import type { IdxArray, IdxType } from './idx-types.ts';

/** Fixed seed: every run checks the same cases; fast-check prints it with any failure. */
const SEED = 0x1d8;
const RUNS = { seed: SEED, numRuns: 150 };

/** Random data of `n` elements for each type, special floats (NaN, ±0, ±∞) included. */
const dataOf = (type: IdxType, n: number): fc.Arbitrary<IdxArray['data']> => {
  const ints = (min: number, max: number) => fc.array(fc.integer({ min, max }), { minLength: n, maxLength: n });
  switch (type) {
    case 'uint8':
      return ints(0, 255).map((a) => Uint8Array.from(a));
    case 'int8':
      return ints(-128, 127).map((a) => Int8Array.from(a));
    case 'int16':
      return ints(-32768, 32767).map((a) => Int16Array.from(a));
    case 'int32':
      return ints(-(2 ** 31), 2 ** 31 - 1).map((a) => Int32Array.from(a));
    case 'float32':
      return fc.float32Array({ minLength: n, maxLength: n });
    case 'float64':
      return fc.float64Array({ minLength: n, maxLength: n });
  }
};

/** Any IDX array: every type, rank 1–4, dimensions 0–5. */
const idxArray: fc.Arbitrary<IdxArray> = fc
  .record({ type: fc.constantFrom(...IDX_TYPE_NAMES), shape: fc.array(fc.integer({ min: 0, max: 5 }), { minLength: 1, maxLength: 4 }) })
  .chain(({ type, shape }) =>
    dataOf(
      type,
      shape.reduce((a, b) => a * b, 1),
    ).map((data) => ({ type, shape, data }) as IdxArray),
  );

/** A non-empty array, so that payload bytes exist to cut or corrupt. */
const nonEmpty = idxArray.filter((a) => a.data.length > 0);

const sameElements = (a: ArrayLike<number>, b: ArrayLike<number>) => a.length === b.length && Array.from(a).every((v, i) => Object.is(v, b[i]));

describe('IDX: golden bytes (the layout, independent of our own encoder)', () => {
  it('int16 [2] = [1, -2] is 00 00 0b 01 | 00 00 00 02 | 00 01 ff fe (big-endian)', () => {
    const bytes = Uint8Array.of(0, 0, 0x0b, 1, 0, 0, 0, 2, 0x00, 0x01, 0xff, 0xfe);
    expect(encodeIdx({ type: 'int16', shape: [2], data: Int16Array.of(1, -2) })).toEqual(bytes);
    expect(parseIdx(bytes)).toEqual({ type: 'int16', shape: [2], data: Int16Array.of(1, -2) });
  });
  it('float32 [1,1] = [1.0] is 00 00 0d 02 | 00 00 00 01 | 00 00 00 01 | 3f 80 00 00', () => {
    const bytes = Uint8Array.of(0, 0, 0x0d, 2, 0, 0, 0, 1, 0, 0, 0, 1, 0x3f, 0x80, 0, 0);
    expect(encodeIdx({ type: 'float32', shape: [1, 1], data: Float32Array.of(1) })).toEqual(bytes);
    expect(parseIdx(bytes).data).toEqual(Float32Array.of(1));
  });
  it('type bytes: 08 uint8, 09 int8, 0b int16, 0c int32, 0d float32, 0e float64', () => {
    expect(IDX_TYPE_NAMES.map((t) => IDX_TYPES[t].code)).toEqual([0x08, 0x09, 0x0b, 0x0c, 0x0d, 0x0e]);
  });
  const oneElement: Array<[IdxArray, number[]]> = [
    [{ type: 'uint8', shape: [1], data: Uint8Array.of(200) }, [0xc8]],
    [{ type: 'int8', shape: [1], data: Int8Array.of(-2) }, [0xfe]],
    [{ type: 'int16', shape: [1], data: Int16Array.of(-2) }, [0xff, 0xfe]],
    [{ type: 'int32', shape: [1], data: Int32Array.of(-2) }, [0xff, 0xff, 0xff, 0xfe]],
    [{ type: 'float32', shape: [1], data: Float32Array.of(-2) }, [0xc0, 0, 0, 0]],
    [{ type: 'float64', shape: [1], data: Float64Array.of(-2) }, [0xc0, 0, 0, 0, 0, 0, 0, 0]],
  ];
  it.each(oneElement)('$type element is stored big-endian', (array, payload) => {
    const bytes = Uint8Array.from([0, 0, IDX_TYPES[array.type].code, 1, 0, 0, 0, 1, ...payload]);
    expect(encodeIdx(array)).toEqual(bytes);
    expect(parseIdx(bytes)).toEqual(array);
  });
});

describe('IDX: round trip (property)', () => {
  it('parseIdx(encodeIdx(a)) equals a for every type and shape, raw and gzipped', () => {
    fc.assert(
      fc.property(idxArray, fc.boolean(), (a, gzip) => {
        const back = parseIdx(encodeIdx(a, { gzip }));
        expect(back.type).toBe(a.type);
        expect(sameElements(back.shape, a.shape) && sameElements(back.data, a.data)).toBe(true);
        expect(Object.prototype.toString.call(back.data)).toBe(Object.prototype.toString.call(a.data));
      }),
      RUNS,
    );
  });
  it('reads from a Buffer that is a view into a larger pool (non-zero byteOffset)', () => {
    const raw = encodeIdx({ type: 'int32', shape: [3], data: Int32Array.of(1, -1, 2 ** 31 - 1) });
    const pool = new Uint8Array(raw.length + 3);
    pool.set(raw, 3);
    expect(parseIdx(pool.subarray(3)).data).toEqual(Int32Array.of(1, -1, 2 ** 31 - 1));
  });
});

describe('IDX: malformed input is rejected with a message naming the problem (property)', () => {
  it('truncated: any prefix of a file', () => {
    fc.assert(
      fc.property(nonEmpty, fc.nat(), (a, k) => {
        const bytes = encodeIdx(a);
        const cut = bytes.subarray(0, k % bytes.length);
        expect(() => parseIdx(cut)).toThrow(/^IDX: expected .*\(truncated file\?\)$/);
      }),
      RUNS,
    );
  });
  it('oversized: trailing bytes after the payload', () => {
    fc.assert(
      fc.property(idxArray, fc.uint8Array({ minLength: 1, maxLength: 9 }), (a, extra) => {
        const bytes = encodeIdx(a);
        const n = a.data.length * IDX_TYPES[a.type].bytes;
        expect(() => parseIdx(Uint8Array.from([...bytes, ...extra]))).toThrow(
          `IDX: expected ${n} bytes of ${a.type} payload for shape [${a.shape.join(',')}], got ${n + extra.length} (trailing bytes?)`,
        );
      }),
      RUNS,
    );
  });
  it('wrong magic: a non-zero byte 0 or 1', () => {
    fc.assert(
      fc.property(idxArray, fc.integer({ min: 0, max: 1 }), fc.integer({ min: 1, max: 255 }), (a, at, v) => {
        fc.pre(!(at === 0 && v === 0x1f)); // 1f 8b would read as gzip: tested below
        const bytes = encodeIdx(a);
        bytes[at] = v;
        expect(() => parseIdx(bytes)).toThrow(/^IDX: expected magic 0x00 0x00 in bytes 0–1, got 0x[0-9a-f]{2} 0x[0-9a-f]{2}/);
      }),
      RUNS,
    );
  });
  it('unknown type byte', () => {
    const known = IDX_TYPE_NAMES.map((t) => IDX_TYPES[t].code);
    fc.assert(
      fc.property(
        idxArray,
        fc.integer({ min: 0, max: 255 }).filter((b) => !known.includes(b)),
        (a, code) => {
          const bytes = encodeIdx(a);
          bytes[2] = code;
          expect(() => parseIdx(bytes)).toThrow(`IDX: unknown type byte 0x${code.toString(16).padStart(2, '0')} at byte 2`);
        },
      ),
      RUNS,
    );
  });
  it('rank 0', () => {
    expect(() => parseIdx(Uint8Array.of(0, 0, 8, 0))).toThrow('IDX: expected a rank ≥ 1 in byte 3, got 0');
  });
  it('corrupted gzip: a cut stream, a wrong CRC/length trailer, or a flipped bit in the compressed data', () => {
    const corruptions = fc.oneof(
      fc.record({ kind: fc.constant('cut' as const), at: fc.nat() }),
      fc.record({ kind: fc.constant('trailer' as const), at: fc.integer({ min: 1, max: 8 }), mask: fc.integer({ min: 1, max: 255 }) }),
      fc.record({ kind: fc.constant('body' as const), at: fc.nat(), mask: fc.constantFrom(1, 2, 4, 8, 16, 32, 64, 128) }),
    );
    fc.assert(
      fc.property(idxArray, corruptions, (a, c) => {
        const gz = encodeIdx(a, { gzip: true });
        let bad: Uint8Array;
        if (c.kind === 'cut') bad = gz.subarray(0, 2 + (c.at % (gz.length - 2)));
        else if (c.kind === 'trailer') {
          bad = gz.slice();
          bad[gz.length - c.at] ^= c.mask;
        } else {
          bad = gz.slice();
          bad[10 + (c.at % (gz.length - 18))] ^= c.mask;
          // A flip in the final byte's unused padding bits leaves the stream valid: not a corruption.
          let same = false;
          try {
            same = sameElements(gunzipSync(bad), gunzipSync(gz));
          } catch {
            /* corrupted, as intended */
          }
          fc.pre(!same);
        }
        expect(() => parseIdx(bad)).toThrow(/^IDX: corrupted gzip data \(.+\)/);
      }),
      RUNS,
    );
  });
  it('readIdx names a missing file', async () => {
    await expect(readIdx('/nonexistent/x-idx1-ubyte.gz')).rejects.toThrow(/readIdx: cannot read \/nonexistent\/x-idx1-ubyte\.gz/);
  });
});

describe('encodeIdx: invalid arrays', () => {
  const cases: Array<[string, unknown, RegExp]> = [
    [
      'data of the wrong class',
      { type: 'float32', shape: [1], data: Float64Array.of(1) },
      /expected data of type float32 to be a Float32Array, got Float64Array/,
    ],
    ['too few elements', { type: 'uint8', shape: [2, 3], data: new Uint8Array(5) }, /expected 6 elements for shape \[2,3\], got 5/],
    [
      'a fractional dimension',
      { type: 'uint8', shape: [1.5], data: new Uint8Array(1) },
      /expected every dimension to be an integer in \[0, 2\^32\), got shape \[1.5\]/,
    ],
    ['rank 0', { type: 'uint8', shape: [], data: new Uint8Array(1) }, /expected shape to be an array of 1 to 255 dimensions, got \[\]/],
    [
      'an unknown type',
      { type: 'uint16', shape: [1], data: new Uint16Array(1) },
      /expected type to be one of uint8, int8, int16, int32, float32, float64, got "uint16"/,
    ],
  ];
  it.each(cases)('rejects %s', (_name, array, message) => {
    expect(() => encodeIdx(array as IdxArray)).toThrow(message);
  });
});
