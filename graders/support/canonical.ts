/**
 * A stable, portable text form of wire data: the key of a sealed reference recording and its
 * stored value. Typed arrays become base64 of their bytes, so numbers round-trip exactly, and the
 * text does not depend on the Node version (unlike the V8 serializer's bytes).
 */
import type { Wire } from './sandbox/wire.ts';

type TypedName = 'Float64Array' | 'Float32Array' | 'Int32Array' | 'Uint8Array';
const constructors: Record<TypedName, { new (buffer: ArrayBuffer): ArrayBufferView }> = {
  Float64Array,
  Float32Array,
  Int32Array,
  Uint8Array,
};

function encode(value: unknown): unknown {
  if (value === undefined) return { $u: 1 };
  if (typeof value === 'number' && !Number.isFinite(value)) return { $n: String(value) };
  if (ArrayBuffer.isView(value)) {
    const name = value.constructor.name as TypedName;
    if (!(name in constructors)) throw new Error(`canonical: unsupported typed array ${name}`);
    return { $ta: name, b64: Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('base64') };
  }
  if (Array.isArray(value)) return value.map(encode);
  if (value !== null && typeof value === 'object') {
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) out[key] = encode(item);
    return out;
  }
  return value;
}

function decode(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(decode);
  if (value !== null && typeof value === 'object') {
    const record = value as Record<string, unknown>;
    if ('$u' in record) return undefined;
    if ('$n' in record) return Number(record.$n);
    if ('$ta' in record) {
      const bytes = Buffer.from(record.b64 as string, 'base64');
      const copy = new Uint8Array(bytes).buffer;
      return new constructors[record.$ta as TypedName](copy);
    }
    const out: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(record)) out[key] = decode(item);
    return out;
  }
  return value;
}

/** Wire data as canonical JSON text. */
export function toCanonical(value: Wire): string {
  return JSON.stringify(encode(value));
}

/** The inverse of {@link toCanonical}. */
export function fromCanonical(text: string): Wire {
  return decode(JSON.parse(text)) as Wire;
}
