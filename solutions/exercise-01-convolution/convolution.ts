/**
 * Exercise 01 — convolution. The hidden reference solution.
 *
 * Conventions (the same as tfjs): cross-correlation, NHWC layout, `'same'` gives ⌈n/s⌉ outputs
 * with the smaller half of an odd total padding at the top/left, a number pads every side.
 */
import ndarray from 'ndarray';
import type { NdArray } from 'ndarray';
import * as tf from '@tensorflow/tfjs';

/** `'valid'` (no padding), `'same'` (output ⌈n/stride⌉, tfjs split) or that many zeros on every side. */
export type Padding = 'valid' | 'same' | number;

/** Options shared by every function of this exercise. Defaults: stride 1, `'valid'`, dilation 1. */
export interface ConvOptions {
  stride?: number;
  padding?: Padding;
  dilation?: number;
}

interface AxisPlan {
  /** Number of outputs along the axis. */
  out: number;
  /** Zeros added before the first input element. */
  before: number;
}

interface Resolved {
  stride: number;
  padding: Padding;
  dilation: number;
}

function fail(fn: string, message: string): never {
  throw new Error(`Error in ${fn}: ${message}`);
}

function show(value: unknown): string {
  return typeof value === 'string' ? `'${value}'` : String(value);
}

function resolveOptions(fn: string, options: ConvOptions | undefined): Resolved {
  const { stride = 1, padding = 'valid', dilation = 1 } = options ?? {};
  if (!Number.isInteger(stride) || stride < 1) {
    fail(fn, `expected stride to be a positive integer, got ${show(stride)}.`);
  }
  if (!Number.isInteger(dilation) || dilation < 1) {
    fail(fn, `expected dilation to be a positive integer, got ${show(dilation)}.`);
  }
  const paddingOk = padding === 'valid' || padding === 'same' || (Number.isInteger(padding) && (padding as number) >= 0);
  if (!paddingOk) {
    fail(fn, `expected padding to be 'valid', 'same' or a non-negative integer, got ${show(padding)}.`);
  }
  return { stride, padding, dilation };
}

function planAxis(fn: string, axis: string, n: number, k: number, o: Resolved): AxisPlan {
  const span = o.dilation * (k - 1) + 1;
  if (o.padding === 'same') {
    const out = Math.ceil(n / o.stride);
    const total = Math.max((out - 1) * o.stride + span - n, 0);
    return { out, before: Math.floor(total / 2) };
  }
  const pad = o.padding === 'valid' ? 0 : o.padding;
  if (span > n + 2 * pad) {
    fail(
      fn,
      `the ${axis} of the kernel (${k}, ${span} with dilation ${o.dilation}) must not exceed ` + `the padded input ${axis} (${n} + 2·${pad} = ${n + 2 * pad}).`,
    );
  }
  return { out: Math.floor((n + 2 * pad - span) / o.stride) + 1, before: pad };
}

function expectRank(fn: string, name: string, array: NdArray, rank: number, layout: string): void {
  if (array === null || typeof array !== 'object' || !Array.isArray(array.shape)) {
    fail(fn, `expected ${name} to be an ndarray ${layout}, got ${show(array)}.`);
  }
  if (array.shape.length !== rank) {
    fail(fn, `expected ${name} of rank ${rank} ${layout}, got shape [${array.shape.join(', ')}].`);
  }
}

/**
 * Part A. Output length along one axis.
 *
 * out = ⌊(n + 2p − d·(k−1) − 1) / s⌋ + 1, or ⌈n / s⌉ for `'same'`.
 *
 * @example outputSize(5, 3) === 3; outputSize(7, 3, { stride: 2, padding: 'same' }) === 4
 */
export function outputSize(inputSize: number, kernelSize: number, options?: ConvOptions): number {
  if (!Number.isInteger(inputSize) || inputSize < 1) {
    fail('outputSize', `expected inputSize to be a positive integer, got ${show(inputSize)}.`);
  }
  if (!Number.isInteger(kernelSize) || kernelSize < 1) {
    fail('outputSize', `expected kernelSize to be a positive integer, got ${show(kernelSize)}.`);
  }
  const o = resolveOptions('outputSize', options);
  return planAxis('outputSize', 'size', inputSize, kernelSize, o).out;
}

/**
 * Part B. Single-channel cross-correlation (what deep-learning "conv" layers compute).
 *
 * image [H, W] ⋆ kernel [kh, kw] → [H', W'], H' = outputSize(H, kh, options).
 *
 * @example correlate2d(ndarray([0,1,2,3,4,5,6,7,8], [3, 3]), ndarray([0,1,2,3], [2, 2])) → [[19, 25], [37, 43]]
 */
export function correlate2d(image: NdArray, kernel: NdArray, options?: ConvOptions): NdArray {
  const fn = 'correlate2d';
  expectRank(fn, 'image', image, 2, '[H, W]');
  expectRank(fn, 'kernel', kernel, 2, '[kh, kw]');
  const o = resolveOptions(fn, options);
  const [h, w] = image.shape;
  const [kh, kw] = kernel.shape;
  const rows = planAxis(fn, 'height', h, kh, o);
  const cols = planAxis(fn, 'width', w, kw, o);
  const out = ndarray(new Float64Array(rows.out * cols.out), [rows.out, cols.out]);
  for (let i = 0; i < rows.out; i++) {
    for (let j = 0; j < cols.out; j++) {
      let sum = 0;
      for (let u = 0; u < kh; u++) {
        const y = i * o.stride + u * o.dilation - rows.before;
        if (y < 0 || y >= h) continue;
        for (let v = 0; v < kw; v++) {
          const x = j * o.stride + v * o.dilation - cols.before;
          if (x < 0 || x >= w) continue;
          sum += image.get(y, x) * kernel.get(u, v);
        }
      }
      out.set(i, j, sum);
    }
  }
  return out;
}

/**
 * Part C. True (mathematical) convolution: cross-correlation with the kernel rotated by 180°.
 * With `'same'`, the padding is split exactly as in {@link correlate2d}.
 *
 * @example convolve2d(image, kernel, options) equals correlate2d(image, kernel.step(-1, -1), options)
 */
export function convolve2d(image: NdArray, kernel: NdArray, options?: ConvOptions): NdArray {
  expectRank('convolve2d', 'kernel', kernel, 2, '[kh, kw]');
  return correlate2d(image, kernel.step(-1, -1), options);
}

/**
 * Part D. A convolution layer on one image.
 *
 * input [H, W, Cin], filters [kh, kw, Cin, Cout], bias [Cout] (optional) → [H', W', Cout].
 *
 * @example conv2d(ndarray(new Float64Array(16), [4, 4, 1]), ndarray(new Float64Array(18), [3, 3, 1, 2])).shape → [2, 2, 2]
 */
export function conv2d(input: NdArray, filters: NdArray, bias?: NdArray, options?: ConvOptions): NdArray {
  const fn = 'conv2d';
  expectRank(fn, 'input', input, 3, '[H, W, Cin]');
  expectRank(fn, 'filters', filters, 4, '[kh, kw, Cin, Cout]');
  const [h, w, cin] = input.shape;
  const [kh, kw, fcin, cout] = filters.shape;
  if (cin !== fcin) {
    fail(fn, `depth of input (${cin}) must match the input depth of filters (${fcin}).`);
  }
  if (bias !== undefined) {
    expectRank(fn, 'bias', bias, 1, '[Cout]');
    if (bias.shape[0] !== cout) {
      fail(fn, `expected bias of shape [${cout}] (one per output channel), got [${bias.shape.join(', ')}].`);
    }
  }
  const o = resolveOptions(fn, options);
  const rows = planAxis(fn, 'height', h, kh, o);
  const cols = planAxis(fn, 'width', w, kw, o);
  const out = ndarray(new Float64Array(rows.out * cols.out * cout), [rows.out, cols.out, cout]);
  for (let i = 0; i < rows.out; i++) {
    for (let j = 0; j < cols.out; j++) {
      for (let oc = 0; oc < cout; oc++) {
        let sum = bias === undefined ? 0 : bias.get(oc);
        for (let u = 0; u < kh; u++) {
          const y = i * o.stride + u * o.dilation - rows.before;
          if (y < 0 || y >= h) continue;
          for (let v = 0; v < kw; v++) {
            const x = j * o.stride + v * o.dilation - cols.before;
            if (x < 0 || x >= w) continue;
            for (let c = 0; c < cin; c++) sum += input.get(y, x, c) * filters.get(u, v, c, oc);
          }
        }
        out.set(i, j, oc, sum);
      }
    }
  }
  return out;
}

/**
 * Part E. The same layer on a batch of tensors, as im2col + one matrix product (no `tf.conv2d`).
 *
 * x [N, H, W, Cin], filters [kh, kw, Cin, Cout] → [N, H', W', Cout]. Disposes every intermediate.
 *
 * @example conv2dMatMul(tf.ones([1, 4, 4, 1]), tf.ones([3, 3, 1, 1])) → [1, 2, 2, 1] filled with 9
 */
export function conv2dMatMul(x: tf.Tensor4D, filters: tf.Tensor4D, options?: ConvOptions): tf.Tensor4D {
  const fn = 'conv2dMatMul';
  if (!(x instanceof tf.Tensor) || x.rank !== 4) {
    fail(fn, `expected x to be a rank-4 tensor [N, H, W, Cin], got ${x instanceof tf.Tensor ? `shape [${x.shape}]` : show(x)}.`);
  }
  if (!(filters instanceof tf.Tensor) || filters.rank !== 4) {
    fail(fn, `expected filters to be a rank-4 tensor [kh, kw, Cin, Cout], got ${filters instanceof tf.Tensor ? `shape [${filters.shape}]` : show(filters)}.`);
  }
  const [n, h, w, cin] = x.shape;
  const [kh, kw, fcin, cout] = filters.shape;
  if (cin !== fcin) {
    fail(fn, `depth of input (${cin}) must match the input depth of filters (${fcin}).`);
  }
  const o = resolveOptions(fn, options);
  const rows = planAxis(fn, 'height', h, kh, o);
  const cols = planAxis(fn, 'width', w, kw, o);
  return tf.tidy(() => {
    // Pad enough on the bottom/right for every patch the strided slices read.
    const needH = (rows.out - 1) * o.stride + o.dilation * (kh - 1) + 1;
    const needW = (cols.out - 1) * o.stride + o.dilation * (kw - 1) + 1;
    const padded = tf.pad(x, [
      [0, 0],
      [rows.before, Math.max(needH - h - rows.before, 0)],
      [cols.before, Math.max(needW - w - cols.before, 0)],
      [0, 0],
    ]);
    const patches: tf.Tensor4D[] = [];
    for (let u = 0; u < kh; u++) {
      for (let v = 0; v < kw; v++) {
        const top = u * o.dilation;
        const left = v * o.dilation;
        patches.push(
          tf.stridedSlice(
            padded,
            [0, top, left, 0],
            [n, top + (rows.out - 1) * o.stride + 1, left + (cols.out - 1) * o.stride + 1, cin],
            [1, o.stride, o.stride, 1],
          ) as tf.Tensor4D,
        );
      }
    }
    // Column order (u, v, c) matches the row-major layout of filters [kh, kw, Cin, Cout].
    const columns = tf.concat(patches, 3).reshape([n * rows.out * cols.out, kh * kw * cin]);
    const product = tf.matMul(columns, filters.reshape([kh * kw * cin, cout]));
    return product.reshape([n, rows.out, cols.out, cout]) as tf.Tensor4D;
  });
}

/**
 * Part F (bonus). Gradients of {@link conv2d} (with a bias) given dL/dOutput.
 *
 * input [H, W, Cin], filters [kh, kw, Cin, Cout], gradOutput [H', W', Cout] →
 * { dInput [H, W, Cin], dFilters [kh, kw, Cin, Cout], dBias [Cout] }.
 *
 * @example for a 1×1 kernel and stride 1, dInput = gradOutput · filtersᵀ and dBias sums gradOutput over positions.
 */
export function conv2dBackward(
  input: NdArray,
  filters: NdArray,
  gradOutput: NdArray,
  options?: ConvOptions,
): { dInput: NdArray; dFilters: NdArray; dBias: NdArray } {
  const fn = 'conv2dBackward';
  expectRank(fn, 'input', input, 3, '[H, W, Cin]');
  expectRank(fn, 'filters', filters, 4, '[kh, kw, Cin, Cout]');
  expectRank(fn, 'gradOutput', gradOutput, 3, "[H', W', Cout]");
  const [h, w, cin] = input.shape;
  const [kh, kw, fcin, cout] = filters.shape;
  if (cin !== fcin) {
    fail(fn, `depth of input (${cin}) must match the input depth of filters (${fcin}).`);
  }
  const o = resolveOptions(fn, options);
  const rows = planAxis(fn, 'height', h, kh, o);
  const cols = planAxis(fn, 'width', w, kw, o);
  const expected = [rows.out, cols.out, cout];
  if (gradOutput.shape.some((size, axis) => size !== expected[axis])) {
    fail(fn, `expected gradOutput of shape [${expected.join(', ')}] (the output of conv2d), got [${gradOutput.shape.join(', ')}].`);
  }
  const dInput = ndarray(new Float64Array(h * w * cin), [h, w, cin]);
  const dFilters = ndarray(new Float64Array(kh * kw * cin * cout), [kh, kw, cin, cout]);
  const dBias = ndarray(new Float64Array(cout), [cout]);
  for (let i = 0; i < rows.out; i++) {
    for (let j = 0; j < cols.out; j++) {
      for (let oc = 0; oc < cout; oc++) {
        const g = gradOutput.get(i, j, oc);
        dBias.set(oc, dBias.get(oc) + g);
        for (let u = 0; u < kh; u++) {
          const y = i * o.stride + u * o.dilation - rows.before;
          if (y < 0 || y >= h) continue;
          for (let v = 0; v < kw; v++) {
            const x = j * o.stride + v * o.dilation - cols.before;
            if (x < 0 || x >= w) continue;
            for (let c = 0; c < cin; c++) {
              dFilters.set(u, v, c, oc, dFilters.get(u, v, c, oc) + g * input.get(y, x, c));
              dInput.set(y, x, c, dInput.get(y, x, c) + g * filters.get(u, v, c, oc));
            }
          }
        }
      }
    }
  }
  return { dInput, dFilters, dBias };
}
