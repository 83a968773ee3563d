import { describe, expect, it } from 'vitest';
import { fromCanonical, toCanonical } from './canonical.ts';
import type { Wire } from './sandbox/wire.ts';

describe('canonical text of wire data', () => {
  it('round-trips typed arrays bit for bit, also a view into a larger buffer', () => {
    const pool = Float64Array.of(9, 0.1, Number.NaN, -0, 1e-310, 9);
    const value: Wire = { $nd: { shape: [4], data: pool.subarray(1, 5) } };
    const back = fromCanonical(toCanonical(value)) as { $nd: { data: Float64Array } };
    expect(back.$nd.data).toBeInstanceOf(Float64Array);
    expect(Array.from(back.$nd.data)).toEqual([0.1, Number.NaN, -0, 1e-310]);
    expect(Object.is(back.$nd.data[2], -0)).toBe(true);
    const tensor: Wire = { $tensor: { shape: [2], dtype: 'int32', data: Int32Array.of(-1, 2 ** 31 - 1) } };
    expect(fromCanonical(toCanonical(tensor))).toEqual(tensor);
  });

  it('keeps undefined, NaN and ±Infinity, which JSON alone loses', () => {
    const value: Wire = { a: undefined, b: [Number.NaN, Infinity, -Infinity, 1.5, null, 'x', true] };
    const back = fromCanonical(toCanonical(value)) as Record<string, unknown>;
    expect(back).toEqual(value);
    expect('a' in back).toBe(true);
  });

  it('gives equal values the same text and different values different texts', () => {
    const make = (x: number): Wire => ({ input: { $nd: { shape: [2], data: Float64Array.of(1, x) } }, stride: 1 });
    expect(toCanonical(make(2))).toBe(toCanonical(make(2)));
    expect(toCanonical(make(2))).not.toBe(toCanonical(make(2 + 2 ** -50)));
    expect(toCanonical(Float32Array.of(1) as unknown as Wire)).not.toBe(toCanonical(Float64Array.of(1) as unknown as Wire));
  });

  it('refuses a typed array it cannot rebuild, naming it', () => {
    expect(() => toCanonical(Int16Array.of(1) as unknown as Wire)).toThrow('canonical: unsupported typed array Int16Array');
  });
});
