/**
 * Exercise 02 — translation equivariance. The hidden reference solution.
 *
 * Conventions: images are ndarrays [H, W] (or [H, W, C] for `translate`); a shift by (dy, dx)
 * moves content dy rows DOWN and dx columns RIGHT (negative values move it up / left);
 * 'circular' shifts wrap modulo the size, 'zero' shifts fill the vacated pixels with 0.
 * Inputs are never mutated; every result is a new ndarray.
 */
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

function fail(fn: string, message: string): never {
  throw new Error(`Error in ${fn}: ${message}`);
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (value !== null && typeof value === 'object' && Array.isArray((value as { shape?: unknown }).shape)) {
    return `an ndarray of shape [${(value as NdArray).shape.join(', ')}]`;
  }
  return String(value);
}

function isNdArray(value: unknown): value is NdArray {
  return (
    value !== null && typeof value === 'object' && Array.isArray((value as { shape?: unknown }).shape) && typeof (value as { get?: unknown }).get === 'function'
  );
}

/** n modulo m in [0, m), also for negative n and |n| ≥ m. */
function mod(n: number, m: number): number {
  return ((n % m) + m) % m;
}

/**
 * Part A. Shift an image by dy rows and dx columns.
 *
 * image [H, W] or [H, W, C] → a new ndarray of the same shape with
 * out[i][j] = image[i − dy][j − dx] (every channel): 'circular' takes the indices modulo H and W,
 * 'zero' gives 0 where i − dy or j − dx falls outside the image. dy, dx: any integers.
 *
 * @example translate(ndarray([1, 2, 3, 4, 5, 6], [2, 3]), 0, 1, 'circular') → [[3, 1, 2], [6, 4, 5]]
 * @example translate(ndarray([1, 2, 3, 4, 5, 6], [2, 3]), 1, 0, 'zero') → [[0, 0, 0], [1, 2, 3]]
 */
export function translate(image: NdArray, dy: number, dx: number, mode: ShiftMode): NdArray {
  const fn = 'translate';
  if (!isNdArray(image) || (image.shape.length !== 2 && image.shape.length !== 3)) {
    fail(fn, `expected image to be an ndarray [H, W] or [H, W, C], got ${isNdArray(image) ? `shape [${image.shape.join(', ')}]` : show(image)}.`);
  }
  if (!Number.isInteger(dy)) fail(fn, `expected dy to be an integer, got ${show(dy)}.`);
  if (!Number.isInteger(dx)) fail(fn, `expected dx to be an integer, got ${show(dx)}.`);
  if (mode !== 'circular' && mode !== 'zero') fail(fn, `expected mode 'circular' or 'zero', got ${show(mode)}.`);
  const [h, w] = image.shape;
  const channels = image.shape.length === 3 ? image.shape[2] : 0;
  const out = ndarray(new Float64Array(h * w * Math.max(channels, 1)), image.shape.slice());
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      // The source pixel: content moves down/right, so row i receives row i − dy.
      let y = i - dy;
      let x = j - dx;
      if (mode === 'circular') {
        y = mod(y, h);
        x = mod(x, w);
      } else if (y < 0 || y >= h || x < 0 || x >= w) {
        continue;
      }
      if (channels === 0) out.set(i, j, image.get(y, x));
      else for (let c = 0; c < channels; c++) out.set(i, j, c, image.get(y, x, c));
    }
  }
  return out;
}

/**
 * Part B. Cross-correlation with circular padding, stride 1, centred odd kernel.
 *
 * image [H, W] ⋆ kernel [kh, kw] (kh, kw odd) → a new ndarray [H, W] with
 * out[i][j] = Σ_u Σ_v kernel[u][v] · image[(i + u − ⌊kh/2⌋) mod H][(j + v − ⌊kw/2⌋) mod W].
 * The kernel may be larger than the image (indices wrap as often as needed).
 *
 * @example circularCorrelate2d(ndarray([1, 2, 3], [1, 3]), ndarray([0, 0, 1], [1, 3])) → [[2, 3, 1]]
 */
export function circularCorrelate2d(image: NdArray, kernel: NdArray): NdArray {
  const fn = 'circularCorrelate2d';
  if (!isNdArray(image) || image.shape.length !== 2) {
    fail(fn, `expected image to be an ndarray [H, W], got ${isNdArray(image) ? `shape [${image.shape.join(', ')}]` : show(image)}.`);
  }
  if (!isNdArray(kernel) || kernel.shape.length !== 2) {
    fail(fn, `expected kernel to be an ndarray [kh, kw], got ${isNdArray(kernel) ? `shape [${kernel.shape.join(', ')}]` : show(kernel)}.`);
  }
  const [h, w] = image.shape;
  const [kh, kw] = kernel.shape;
  if (kh % 2 === 0 || kw % 2 === 0) {
    fail(fn, `expected a kernel with odd height and width (so it has a centre), got ${kh}×${kw}.`);
  }
  const top = Math.floor(kh / 2);
  const left = Math.floor(kw / 2);
  const out = ndarray(new Float64Array(h * w), [h, w]);
  for (let i = 0; i < h; i++) {
    for (let j = 0; j < w; j++) {
      let sum = 0;
      for (let u = 0; u < kh; u++) {
        const y = mod(i + u - top, h);
        for (let v = 0; v < kw; v++) {
          const x = mod(j + v - left, w);
          sum += kernel.get(u, v) * image.get(y, x);
        }
      }
      out.set(i, j, sum);
    }
  }
  return out;
}

/** Float rounding a comparison accepts, relative to max(1, |a|, |b|). */
const relativeTolerance = 1e-6;

/** a ≈ b: the same shape (any rank) and every element within the relative tolerance. */
function allClose(a: NdArray, b: NdArray): boolean {
  if (!isNdArray(a) || !isNdArray(b)) return false;
  if (a.shape.length !== b.shape.length || a.shape.some((n, k) => n !== b.shape[k])) return false;
  const index = new Array<number>(a.shape.length).fill(0);
  for (let flat = 0; flat < a.size; flat++) {
    const p = a.get(...index);
    const q = b.get(...index);
    if (!(Math.abs(p - q) <= relativeTolerance * Math.max(1, Math.abs(p), Math.abs(q)))) return false;
    for (let axis = index.length - 1; axis >= 0 && ++index[axis] === a.shape[axis]; axis--) index[axis] = 0;
  }
  return true;
}

function hasShape(array: NdArray, shape: number[]): boolean {
  return isNdArray(array) && array.shape.length === shape.length && array.shape.every((n, k) => n === shape[k]);
}

function checkSize(fn: string, size: ImageSize): ImageSize {
  const ok = (n: unknown): boolean => Number.isInteger(n) && (n as number) >= 1;
  if (size === null || typeof size !== 'object' || !ok(size.height) || !ok(size.width)) {
    fail(fn, `expected size { height, width } with positive integers, got ${JSON.stringify(size)}.`);
  }
  return { height: size.height, width: size.width };
}

/** Pixel values: both signs, finite, in [−10, 10]. */
const pixel = fc.double({ min: -10, max: 10, noNaN: true });

/** Images [height, width] of random pixels. */
function images(height: number, width: number): fc.Arbitrary<NdArray> {
  return fc.array(pixel, { minLength: height * width, maxLength: height * width }).map((values) => ndarray(Float64Array.from(values), [height, width]));
}

/** Shifts along an axis of length n, out-of-range and negative ones included. */
function shifts(n: number): fc.Arbitrary<number> {
  return fc.integer({ min: -2 * n, max: 2 * n });
}

/**
 * Part C. A property that holds exactly when `op` commutes with circular shifts of images of
 * the given size: op(translate(x, dy, dx)) ≈ translate(op(x), dy, dx), with op(x) of shape
 * [height, width] (an op that changes the size is not equivariant: the property fails).
 *
 * @example fc.check(equivarianceProperty((x) => x, { height: 4, width: 5 })).failed === false
 */
export function equivarianceProperty(op: ImageOp, size: ImageSize): fc.IProperty<unknown> {
  const { height, width } = checkSize('equivarianceProperty', size);
  return fc.property(images(height, width), shifts(height), shifts(width), (x, dy, dx) => {
    const opThenShift = op(x);
    const shiftThenOp = op(translate(x, dy, dx, 'circular'));
    if (!hasShape(opThenShift, [height, width])) return false;
    return allClose(shiftThenOp, translate(opThenShift, dy, dx, 'circular'));
  });
}

/**
 * Part D. A property that holds exactly when op(translate(x, dy, dx)) ≈ op(x) for every circular
 * shift of images of the given size (same shape, every element close); op may return any shape.
 *
 * @example fc.check(invarianceProperty((x) => x, { height: 4, width: 5 })).failed === true
 */
export function invarianceProperty(op: ImageOp, size: ImageSize): fc.IProperty<unknown> {
  const { height, width } = checkSize('invarianceProperty', size);
  return fc.property(images(height, width), shifts(height), shifts(width), (x, dy, dx) => {
    return allClose(op(translate(x, dy, dx, 'circular')), op(x));
  });
}

/**
 * Part E. An image, kernel and shift for which stride-2 circular correlation (sampling rows and
 * columns 0, 2, 4, …) is not equivariant: no circular shift of the [H/2, W/2] output matches.
 *
 * A single bright pixel at (0, 0) blurred by a 3×3 kernel lights rows 3, 0, 1 and columns
 * 3, 0, 1; stride 2 keeps one of those samples. Shifted down by one pixel it lights rows 0, 1, 2,
 * and stride 2 keeps two: the outputs do not even have the same sum, so no shift can match.
 *
 * @example strideCounterexample().dy % 2 !== 0 || strideCounterexample().dx % 2 !== 0
 */
export function strideCounterexample(): { image: NdArray; kernel: NdArray; dy: number; dx: number } {
  const image = ndarray(new Float64Array(16), [4, 4]);
  image.set(0, 0, 1);
  const kernel = ndarray(Float64Array.from([1, 1, 1, 1, 1, 1, 1, 1, 1]), [3, 3]);
  return { image, kernel, dy: 1, dx: 0 };
}

/**
 * Part F. What each layer of README.md's table does under circular shifts of its input.
 *
 * @example verdicts.relu === 'equivariant'
 */
export const verdicts: Record<LayerName, Verdict | undefined> = {
  circularConv: 'equivariant',
  zeroPaddedConv: 'neither',
  stride2Conv: 'neither',
  relu: 'equivariant',
  maxPool2x2: 'neither',
  globalAvgPool: 'invariant',
  circularConvReluGlobalAvgPool: 'invariant',
  flattenDense: 'neither',
};
