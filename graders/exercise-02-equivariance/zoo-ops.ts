/**
 * The hidden zoo's operations as plain data ({@link OpSpec}) and one evaluator ({@link applyOp}).
 * The driver builds the op a student's property receives from a spec (in the student's process);
 * the grader evaluates the same spec in its own process to check what the property claimed. No
 * code crosses the boundary, only the spec.
 */
import type { Dense } from '../support/sandbox/wire.ts';
import { at, circularCorrelate, correlateValid, grid, shift, zeroPad } from './images.ts';

/** A kernel as plain data: row-major values. */
export interface KernelSpec {
  shape: [number, number];
  values: number[];
}

/** One operation of the zoo; `compose` applies its steps left to right. */
export type OpSpec =
  | { kind: 'identity' }
  | { kind: 'relu' }
  | { kind: 'quadratic'; a: number; b: number }
  | { kind: 'circularConv'; kernel: KernelSpec }
  | { kind: 'zeroPaddedConv'; kernel: KernelSpec }
  | { kind: 'stride2Conv'; kernel: KernelSpec }
  | { kind: 'upsample2' }
  | { kind: 'shift'; dy: number; dx: number }
  | { kind: 'roundingNoise'; scale: number }
  | { kind: 'rowScale' }
  | { kind: 'transpose' }
  | { kind: 'flipColumns' }
  | { kind: 'bumpPixel'; row: number; col: number; amount: number }
  | { kind: 'reluAtPixel'; row: number; col: number }
  | { kind: 'maxPool2x2' }
  | { kind: 'globalAvgPool' }
  | { kind: 'globalMaxPool' }
  | { kind: 'sortValues' }
  | { kind: 'weightedSum' }
  | { kind: 'pixel'; row: number; col: number }
  | { kind: 'noisyMean'; scale: number }
  | { kind: 'columnMeans' }
  | { kind: 'rowMeans' }
  | { kind: 'sortedGrid' }
  | { kind: 'compose'; steps: OpSpec[] }
  | { kind: 'stored'; layout: StoredLayout; op: OpSpec };

/**
 * How the driver stores an op's result in the student's process (the values stay those of `op`):
 * a column-major view, a view after an offset, or a layout that changes from call to call (so
 * that two results of the same op never share their storage order).
 */
export type StoredLayout = 'column-major' | 'offset' | 'varying';

function kernelOf(spec: KernelSpec): Dense {
  return { shape: spec.shape.slice(), data: Float64Array.from(spec.values) };
}

function map(d: Dense, f: (v: number, i: number, j: number) => number): Dense {
  const [h, w] = d.shape;
  return grid(h, w, (i, j) => f(at(d, i, j), i, j));
}

function scalar(value: number): Dense {
  return { shape: [1, 1], data: Float64Array.of(value) };
}

function sum(d: Dense): number {
  let total = 0;
  for (const v of d.data) total += v;
  return total;
}

/** A fixed pattern in [−1, 1] that depends on the position only: not shift-invariant. */
function wobble(i: number, j: number): number {
  return Math.sin(1.7 * i + 2.3 * j + 0.5);
}

/** Evaluates `spec` on a dense [H, W] image; returns a new dense array. */
export function applyOp(spec: OpSpec, x: Dense): Dense {
  const [h, w] = x.shape;
  switch (spec.kind) {
    case 'identity':
      return { shape: x.shape.slice(), data: x.data.slice() };
    case 'relu':
      return map(x, (v) => Math.max(v, 0));
    case 'quadratic':
      return map(x, (v) => spec.a * v * v + spec.b);
    case 'circularConv':
      return circularCorrelate(x, kernelOf(spec.kernel));
    case 'zeroPaddedConv': {
      const [kh, kw] = spec.kernel.shape;
      const top = Math.floor(kh / 2);
      const left = Math.floor(kw / 2);
      return correlateValid(zeroPad(x, top, kh - 1 - top, left, kw - 1 - left), kernelOf(spec.kernel));
    }
    case 'stride2Conv':
      return circularCorrelate(x, kernelOf(spec.kernel), 2);
    case 'upsample2':
      return grid(2 * h, 2 * w, (i, j) => at(x, Math.floor(i / 2), Math.floor(j / 2)));
    case 'shift':
      return shift(x, spec.dy, spec.dx);
    case 'roundingNoise':
      // Harmless: changes each value by at most scale · max(1, |v|).
      return map(x, (v, i, j) => v + spec.scale * Math.max(1, Math.abs(v)) * wobble(i, j));
    case 'rowScale':
      return map(x, (v, i) => v * (i + 1));
    case 'transpose':
      return grid(w, h, (i, j) => at(x, j, i));
    case 'flipColumns':
      return map(x, (_, i, j) => at(x, i, w - 1 - j));
    case 'bumpPixel':
      return map(x, (v, i, j) => (i === spec.row && j === spec.col ? v + spec.amount * Math.max(1, Math.abs(v)) : v));
    case 'reluAtPixel':
      return map(x, (v, i, j) => (i === spec.row && j === spec.col ? Math.max(v, 0) : v));
    case 'maxPool2x2':
      return grid(Math.floor(h / 2), Math.floor(w / 2), (i, j) =>
        Math.max(at(x, 2 * i, 2 * j), at(x, 2 * i, 2 * j + 1), at(x, 2 * i + 1, 2 * j), at(x, 2 * i + 1, 2 * j + 1)),
      );
    case 'globalAvgPool':
      return scalar(sum(x) / x.data.length);
    case 'globalMaxPool':
      return scalar(Math.max(...x.data));
    case 'sortValues':
      return { shape: [1, x.data.length], data: x.data.slice().sort() };
    case 'weightedSum':
      return scalar(sum(map(x, (v, i, j) => v * (i + 1) * (j + 2))) / x.data.length);
    case 'pixel':
      return scalar(at(x, spec.row, spec.col));
    case 'noisyMean': {
      // The mean, changed by at most scale · max(1, |mean|) by a term that depends on positions.
      const mean = sum(x) / x.data.length;
      const wobbled = sum(map(x, (v, i, j) => v * wobble(i, j)));
      return scalar(mean + spec.scale * Math.max(1, Math.abs(mean)) * Math.sin(wobbled));
    }
    case 'columnMeans':
      // Invariant to vertical shifts only: a horizontal shift permutes the columns.
      return grid(1, w, (_, j) => sum(grid(h, 1, (i) => at(x, i, j))) / h);
    case 'rowMeans':
      // Invariant to horizontal shifts only.
      return grid(h, 1, (i) => sum(grid(1, w, (_, j) => at(x, i, j))) / w);
    case 'sortedGrid':
      return { shape: [h, w], data: x.data.slice().sort() };
    case 'compose':
      return spec.steps.reduce((value, step) => applyOp(step, value), x);
    case 'stored':
      return applyOp(spec.op, x);
  }
}
