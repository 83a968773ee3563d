/**
 * Exercise 02 — translation equivariance. Read README.md in this folder first, then replace each
 * `throw new Error('Remove this line…')` (and each `undefined` verdict) with your answer. Grade with:
 *
 *     npm test exercise-02
 *
 * Conventions (README.md, "The rules"):
 * - Images are ndarrays [H, W] (`translate` also takes [H, W, C]; only H and W move). Pixel values
 *   may be negative.
 * - translate(x, dy, dx) moves content dy rows DOWN and dx columns RIGHT: out[i][j] = x[i − dy][j − dx].
 *   Negative shifts move up / left. 'circular' wraps indices modulo H and W (so any integer shift
 *   works, 7 on a 3-row image is 1); 'zero' fills the vacated pixels with 0.
 * - Equivariant: op keeps the size and op(translate(x)) = translate(op(x)) for every image and
 *   circular shift. Invariant: op(translate(x)) = op(x). Numbers are "equal" when they differ by
 *   at most a relative tolerance: accept 1e-9 · max(1, |a|, |b|), reject 1e-3 · max(1, |a|, |b|).
 * - Inputs are never mutated; every ndarray you return is new. Invalid input throws an `Error`
 *   whose message says what was expected and what was given.
 */
// `ndarray(data, shape)` builds your outputs; `fc` builds the properties of Parts C and D.
import ndarray from 'ndarray';
import type { NdArray } from 'ndarray';
import fc from 'fast-check';

/** An operation on single-channel images: [H, W] → [H', W'] (any shape it likes). */
export type ImageOp = (image: NdArray) => NdArray;

/** How pixels that leave the image are handled: wrapped around, or dropped (and zeros come in). */
export type ShiftMode = 'circular' | 'zero';

/** The size of the images a property draws. */
export interface ImageSize {
  height: number;
  width: number;
}

/** The layers of Part F (each defined exactly in README.md). */
export type LayerName =
  | 'circularConv'
  | 'zeroPaddedConv'
  | 'stride2Conv'
  | 'relu'
  | 'maxPool2x2'
  | 'globalAvgPool'
  | 'circularConvReluGlobalAvgPool'
  | 'flattenDense';

/** What a layer does under circular shifts of its input. */
export type Verdict = 'equivariant' | 'invariant' | 'neither';

/**
 * Part A. Shift an image by dy rows and dx columns.
 *
 * image [H, W] or [H, W, C] → a new ndarray of the same shape with
 * out[i][j] = image[i − dy][j − dx] (every channel): 'circular' takes the indices modulo H and W,
 * 'zero' gives 0 where i − dy or j − dx falls outside the image. dy, dx: any integers (throw an
 * Error naming the value otherwise; also for an unknown mode or an image that is not rank 2 or 3).
 *
 * @example translate(ndarray([1, 2, 3, 4, 5, 6], [2, 3]), 0, 1, 'circular') → [[3, 1, 2], [6, 4, 5]]
 * @example translate(ndarray([1, 2, 3, 4, 5, 6], [2, 3]), 1, 0, 'zero') → [[0, 0, 0], [1, 2, 3]]
 */
export function translate(image: NdArray, dy: number, dx: number, mode: ShiftMode): NdArray {
  // TODO: Part A.
  throw new Error('Remove this line and implement translate (Part A)');
}

/**
 * Part B. Cross-correlation with circular padding, stride 1, centred odd kernel.
 *
 * image [H, W] ⋆ kernel [kh, kw] (kh, kw odd; an even size throws an Error naming it) → a new
 * ndarray [H, W] with
 * out[i][j] = Σ_u Σ_v kernel[u][v] · image[(i + u − ⌊kh/2⌋) mod H][(j + v − ⌊kw/2⌋) mod W].
 * The kernel may be larger than the image (indices wrap as often as needed).
 *
 * @example circularCorrelate2d(ndarray([1, 2, 3], [1, 3]), ndarray([0, 0, 1], [1, 3])) → [[2, 3, 1]]
 */
export function circularCorrelate2d(image: NdArray, kernel: NdArray): NdArray {
  // TODO: Part B.
  throw new Error('Remove this line and implement circularCorrelate2d (Part B)');
}

/**
 * Part C. A fast-check property that holds exactly when `op` commutes with circular shifts of
 * images of the given size: op(translate(x, dy, dx)) ≈ translate(op(x), dy, dx), with op(x) of
 * shape [height, width]. When op returns another shape — a 1×1 output included — the property
 * must fail (return false or throw inside the predicate), not crash.
 * Draw images of exactly `size`, with values of both signs, and shifts; call op on x and on the
 * shifted x in every run. Do not call op outside the predicate.
 *
 * @example fc.check(equivarianceProperty((x) => x, { height: 4, width: 5 })).failed === false
 * @example fc.check(equivarianceProperty((x) => x.transpose(1, 0), { height: 4, width: 4 })).failed === true
 */
export function equivarianceProperty(op: ImageOp, size: ImageSize): fc.IProperty<unknown> {
  // TODO: Part C.
  throw new Error('Remove this line and implement equivarianceProperty (Part C)');
}

/**
 * Part D. A property that holds exactly when op(translate(x, dy, dx)) ≈ op(x) for every circular
 * shift of images of the given size: the same shape, every element close. op may return any shape.
 *
 * @example fc.check(invarianceProperty((x) => x, { height: 4, width: 5 })).failed === true
 */
export function invarianceProperty(op: ImageOp, size: ImageSize): fc.IProperty<unknown> {
  // TODO: Part D.
  throw new Error('Remove this line and implement invarianceProperty (Part D)');
}

/**
 * Part E. An image [H, W] (H, W even), an odd kernel [kh, kw] and a shift (dy, dx) for which
 * stride-2 circular correlation — circular padding by ⌊kh/2⌋, ⌊kw/2⌋, then every second row
 * and column starting at 0 (rows 0, 2, 4, …), [H, W] → [H/2, W/2] — is NOT equivariant: no
 * circular shift of op(x) equals op(translate(x, dy, dx)).
 *
 * @example const { image, kernel, dy, dx } = strideCounterexample(); // image.shape → [4, 4]
 */
export function strideCounterexample(): { image: NdArray; kernel: NdArray; dy: number; dx: number } {
  // TODO: Part E.
  throw new Error('Remove this line and implement strideCounterexample (Part E)');
}

/**
 * Part F. For each layer of README.md's table: is it 'equivariant', 'invariant' or 'neither'
 * under circular shifts of its input? Each layer is scored on its own; `undefined` is not
 * answered yet.
 *
 * @example verdicts.relu = 'equivariant'; // if you think so
 */
export const verdicts: Record<LayerName, Verdict | undefined> = {
  // TODO: Part F. Replace each undefined with 'equivariant', 'invariant' or 'neither'.
  // One channel in and out, H and W even (≥ 4), generic weights; the README has the full table.
  circularConv: undefined, // 3×3 correlation, circular padding 1, stride 1: [H, W] → [H, W]
  zeroPaddedConv: undefined, // 3×3 correlation, zero padding 1 ('same'), stride 1: [H, W] → [H, W]
  stride2Conv: undefined, // 3×3 correlation, circular padding 1, stride 2 (rows/cols 0, 2, 4, …): → [H/2, W/2]
  relu: undefined, // max(x, 0) on each pixel: [H, W] → [H, W]
  maxPool2x2: undefined, // max of each non-overlapping 2×2 window (stride 2, no padding): → [H/2, W/2]
  globalAvgPool: undefined, // the mean of all H·W pixels: [H, W] → [1, 1]
  circularConvReluGlobalAvgPool: undefined, // circularConv, then relu, then globalAvgPool: → [1, 1]
  flattenDense: undefined, // flatten row by row, dense layer [H·W, 10] + bias: [H, W] → [10]
};
