import { describe, expect, it } from 'vitest';
import { formatDense, formatNumber, formatValue } from './format.ts';
import type { Dense } from './sandbox/wire.ts';

const dense = (shape: number[], values: number[]): Dense => ({ shape, data: Float64Array.from(values) });

describe('formatNumber', () => {
  it('spells special values, integers, and others as short as they can be', () => {
    expect([Number.NaN, Infinity, -Infinity, -0, 42, -7].map(formatNumber)).toEqual(['NaN', 'Infinity', '-Infinity', '0', '42', '-7']);
    expect(formatNumber(1 / 3)).toBe('0.333333');
    expect(formatNumber(0.0001234567)).toBe('1.235e-4');
    expect(formatNumber(12345678.5)).toBe('1.235e+7');
  });
});

describe('formatDense', () => {
  it('prints a matrix as aligned rows under its shape', () => {
    expect(formatDense(dense([2, 2], [1, 2, 30, 4]))).toBe('[2×2]\n   1  2\n  30  4');
  });

  it('prints [H, W, C] one channel at a time, and higher ranks one leading index at a time', () => {
    expect(formatDense(dense([1, 2, 2], [1, 2, 3, 4]))).toBe('[1×2×2]\n  [:, :, 0]\n    1 3\n  [:, :, 1]\n    2 4');
    expect(formatDense(dense([2, 1, 1, 1], [5, 6]))).toBe('[2×1×1×1]\n  [0, 0, :, :]\n    5\n  [1, 0, :, :]\n    6');
  });

  it('summarises arrays over the limit, and prints a scalar on one line', () => {
    expect(formatDense(dense([10], [0, 1, 2, 3, 4, 5, 6, 7, 8, 9]), '  ', 5)).toBe('[10] (10 values; first: 0, 1, 2, 3, 4, 5, 6, 7, …)');
    expect(formatDense(dense([], [Number.NaN]))).toBe('[] NaN');
  });
});

describe('formatValue', () => {
  it('unwraps wire tags, labels objects holding arrays, and keeps non-finite numbers readable', () => {
    expect(formatValue({ $tensor: { shape: [1], data: Float32Array.of(2) } })).toBe('tensor [1]\n  2');
    expect(formatValue({ out: { $nd: dense([1], [3]) } })).toBe('out: [1]\n    3');
    expect(formatValue([1, Infinity, null])).toBe('[1,"Infinity",null]');
    expect([formatValue('a'), formatValue(undefined)]).toEqual(["'a'", 'undefined']);
  });
});
