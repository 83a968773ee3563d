/**
 * Exercise 01 — convolution. Read README.md in this folder first, then replace each
 * `throw new Error('Remove this line…')` with your implementation. Grade with:
 *
 *     npm test exercise-01
 *
 * Conventions (the same as tfjs): cross-correlation, NHWC layout, `'same'` gives ⌈n/s⌉ outputs
 * with the smaller half of an odd total padding at the top/left, a number pads every side.
 * Inputs are never mutated. Invalid input throws an `Error` whose message names the parameter,
 * what was expected and what was given.
 */
// `ndarray(data, shape)` builds your outputs; `tf` is for Part E.
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

/**
 * Part A. Output length along one axis.
 *
 * out = ⌊(n + 2p − d·(k−1) − 1) / s⌋ + 1, or ⌈n / s⌉ for `'same'`. Throws when the (dilated)
 * kernel does not fit in the padded input or an argument is invalid.
 *
 * @param inputSize - n, a positive integer.
 * @param kernelSize - k, a positive integer.
 * @example outputSize(5, 3) === 3; outputSize(7, 3, { stride: 2, padding: 'same' }) === 4
 */
export function outputSize(inputSize: number, kernelSize: number, options?: ConvOptions): number {
  // TODO: Part A.
  throw new Error('Remove this line and implement outputSize (Part A)');
}

/**
 * Part B. Single-channel cross-correlation (what deep-learning "conv" layers compute).
 *
 * image [H, W] ⋆ kernel [kh, kw] → a new ndarray [H', W'] with H' = outputSize(H, kh, options).
 *
 * @example correlate2d(ndarray([0,1,2,3,4,5,6,7,8], [3, 3]), ndarray([0,1,2,3], [2, 2])) → [[19, 25], [37, 43]]
 */
export function correlate2d(image: NdArray, kernel: NdArray, options?: ConvOptions): NdArray {
  // TODO: Part B.
  throw new Error('Remove this line and implement correlate2d (Part B)');
}

/**
 * Part C. True (mathematical) convolution: cross-correlation with the kernel rotated by 180°.
 * Same shapes and options as {@link correlate2d}; with `'same'` the padding is split exactly as
 * in correlate2d.
 *
 * @example convolve2d(ndarray([1, 2, 3], [1, 3]), ndarray([1, 0], [1, 2])) → [[2, 3]]
 */
export function convolve2d(image: NdArray, kernel: NdArray, options?: ConvOptions): NdArray {
  // TODO: Part C.
  throw new Error('Remove this line and implement convolve2d (Part C)');
}

/**
 * Part D. A convolution layer on one image.
 *
 * input [H, W, Cin], filters [kh, kw, Cin, Cout], bias [Cout] (optional) → [H', W', Cout].
 *
 * @example conv2d(ndarray(new Float64Array(16), [4, 4, 1]), ndarray(new Float64Array(18), [3, 3, 1, 2])).shape → [2, 2, 2]
 */
export function conv2d(input: NdArray, filters: NdArray, bias?: NdArray, options?: ConvOptions): NdArray {
  // TODO: Part D.
  throw new Error('Remove this line and implement conv2d (Part D)');
}

/**
 * Part E. The same layer on a batch of tensors, as im2col + one `tf.matMul` — without
 * `tf.conv2d` (the grader profiles the kernels you run). Dispose every intermediate tensor.
 *
 * x [N, H, W, Cin], filters [kh, kw, Cin, Cout] → [N, H', W', Cout].
 *
 * @example conv2dMatMul(tf.ones([1, 4, 4, 1]), tf.ones([3, 3, 1, 1])) → [1, 2, 2, 1] filled with 9
 */
export function conv2dMatMul(x: tf.Tensor4D, filters: tf.Tensor4D, options?: ConvOptions): tf.Tensor4D {
  // TODO: Part E.
  throw new Error('Remove this line and implement conv2dMatMul (Part E)');
}

/**
 * Part F (bonus). Gradients of {@link conv2d} (with a bias) given dL/dOutput.
 *
 * input [H, W, Cin], filters [kh, kw, Cin, Cout], gradOutput [H', W', Cout] →
 * { dInput [H, W, Cin], dFilters [kh, kw, Cin, Cout], dBias [Cout] }.
 *
 * @example for a 1×1 kernel and stride 1, dBias[o] is the sum of gradOutput[:, :, o].
 */
export function conv2dBackward(
  input: NdArray,
  filters: NdArray,
  gradOutput: NdArray,
  options?: ConvOptions,
): { dInput: NdArray; dFilters: NdArray; dBias: NdArray } {
  // TODO: Part F (bonus).
  throw new Error('Remove this line and implement conv2dBackward (Part F)');
}
