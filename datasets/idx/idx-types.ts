/** The element types of the IDX format, by name. */
export type IdxType = 'uint8' | 'int8' | 'int16' | 'int32' | 'float32' | 'float64';

/** The typed array that holds each IDX type's elements. */
export interface IdxDataMap {
  uint8: Uint8Array;
  int8: Int8Array;
  int16: Int16Array;
  int32: Int32Array;
  float32: Float32Array;
  float64: Float64Array;
}

/**
 * An n-dimensional array as stored in an IDX file: `data` holds
 * `shape.reduce((a, b) => a * b, 1)` elements in row-major order.
 *
 * @example
 * const labels: IdxArray = { type: 'uint8', shape: [3], data: Uint8Array.of(7, 2, 1) };
 */
export type IdxArray = { [K in IdxType]: { type: K; shape: number[]; data: IdxDataMap[K] } }[IdxType];

/** Per type: the IDX type byte, the element size in bytes, and how to build and fill its array. */
export const IDX_TYPES: {
  readonly [K in IdxType]: {
    readonly code: number;
    readonly bytes: number;
    readonly create: (n: number) => IdxDataMap[K];
    /** Reads element `i` from a big-endian payload. */
    readonly get: (view: DataView, offset: number) => number;
    /** Writes one element into a big-endian payload. */
    readonly set: (view: DataView, offset: number, value: number) => void;
    /** `Object.prototype.toString` tags of the arrays accepted as this type's data (realm-independent). */
    readonly tags: readonly string[];
  };
} = {
  uint8: {
    code: 0x08,
    bytes: 1,
    create: (n) => new Uint8Array(n),
    get: (v, o) => v.getUint8(o),
    set: (v, o, x) => v.setUint8(o, x),
    tags: ['Uint8Array', 'Uint8ClampedArray'],
  },
  int8: { code: 0x09, bytes: 1, create: (n) => new Int8Array(n), get: (v, o) => v.getInt8(o), set: (v, o, x) => v.setInt8(o, x), tags: ['Int8Array'] },
  int16: {
    code: 0x0b,
    bytes: 2,
    create: (n) => new Int16Array(n),
    get: (v, o) => v.getInt16(o, false),
    set: (v, o, x) => v.setInt16(o, x, false),
    tags: ['Int16Array'],
  },
  int32: {
    code: 0x0c,
    bytes: 4,
    create: (n) => new Int32Array(n),
    get: (v, o) => v.getInt32(o, false),
    set: (v, o, x) => v.setInt32(o, x, false),
    tags: ['Int32Array'],
  },
  float32: {
    code: 0x0d,
    bytes: 4,
    create: (n) => new Float32Array(n),
    get: (v, o) => v.getFloat32(o, false),
    set: (v, o, x) => v.setFloat32(o, x, false),
    tags: ['Float32Array'],
  },
  float64: {
    code: 0x0e,
    bytes: 8,
    create: (n) => new Float64Array(n),
    get: (v, o) => v.getFloat64(o, false),
    set: (v, o, x) => v.setFloat64(o, x, false),
    tags: ['Float64Array'],
  },
};

/** All IDX type names, in type-byte order. */
export const IDX_TYPE_NAMES = Object.keys(IDX_TYPES) as IdxType[];

/**
 * The type name for an IDX type byte, or `undefined` for an unknown byte.
 *
 * @example
 * idxTypeOfCode(0x0d); // → 'float32'
 */
export function idxTypeOfCode(code: number): IdxType | undefined {
  return IDX_TYPE_NAMES.find((t) => IDX_TYPES[t].code === code);
}

/**
 * A byte as two-digit hex, for error messages.
 *
 * @example
 * hex(13); // → '0x0d'
 */
export const hex = (b: number): string => `0x${b.toString(16).padStart(2, '0')}`;
