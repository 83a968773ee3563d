import { describe, expect, it } from 'vitest';
import { isWireNd, isWireTensor, nd, sizeOf, type Dense } from './wire.ts';

describe('wire tags', () => {
  const dense: Dense = { shape: [2, 3], data: new Float64Array(6) };

  it('nd tags a dense array, with a layout only when one is given', () => {
    expect(nd(dense)).toEqual({ $nd: dense });
    expect(Object.keys(nd(dense))).toEqual(['$nd']);
    expect(nd(dense, { offset: 1, order: [1, 0] })).toEqual({ $nd: dense, layout: { offset: 1, order: [1, 0] } });
  });

  it('tells an ndarray from a tensor from anything else', () => {
    const tensor = { $tensor: { shape: [1], dtype: 'float32', data: new Float32Array(1) } };
    expect([isWireNd(nd(dense)), isWireTensor(nd(dense))]).toEqual([true, false]);
    expect([isWireNd(tensor), isWireTensor(tensor)]).toEqual([false, true]);
    for (const other of [null, undefined, 3, 'x', [dense], { shape: [1] }]) expect(isWireNd(other) || isWireTensor(other)).toBe(false);
  });

  it('sizeOf multiplies the dimensions; a scalar has one element, an empty axis none', () => {
    expect(sizeOf([2, 3, 4])).toBe(24);
    expect(sizeOf([])).toBe(1);
    expect(sizeOf([5, 0, 2])).toBe(0);
  });
});
