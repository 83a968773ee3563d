/**
 * Exercise 04 — what did the network learn? Read README.md in this folder first, then replace
 * each `throw new Error('Remove this line…')` with your implementation. Grade with:
 *
 *     npm test exercise-04
 *
 * Conventions: tfjs layers models with NHWC images; every function returns a NEW tensor that the
 * caller owns and disposes, leaves no other tensor behind, and never disposes the model, its
 * layers or its arguments. Invalid input throws an `Error` whose message names what was expected
 * and what was given. Pictures of your results land in out/exercise-04/ when you grade.
 */
import * as tf from '@tensorflow/tfjs';

/** Options of {@link filterGrid}. */
export interface GridOptions {
  /** Tiles per row, a positive integer. Default ⌈√n⌉ for n filters. */
  columns?: number;
  /** Pixels of `background` between neighbouring tiles (not around the border), an integer ≥ 0. Default 1. */
  padding?: number;
  /** The value of gap pixels and of empty cells in the last row. Default 1 (white). */
  background?: number;
}

/** Options of {@link maximizeActivation}. */
export interface AscentOptions {
  /** Number of gradient-ascent updates, an integer ≥ 0. */
  steps: number;
  /** Step size η of x ← x + η·∇x, a finite number > 0. */
  learningRate: number;
  /** The first image [H, W, C], shaped like one input of the model. Not modified, not disposed. */
  start: tf.Tensor3D;
}

/**
 * Part A. The kernel of the Conv2D layer `layerName`, as a copy the caller owns.
 *
 * Throws an Error naming the layer when the model has no such layer or it is not a `Conv2D`.
 *
 * @returns filters [kh, kw, inChannels, outChannels] (disposing it leaves the model intact)
 * @example getFilters(courseModel, 'conv1').shape → [7, 7, 1, 8]
 */
export function getFilters(model: tf.LayersModel, layerName: string): tf.Tensor4D {
  // TODO: Part A.
  throw new Error('Remove this line and implement getFilters (Part A)');
}

/**
 * Part B. All filters as one image: tile o shows filters[:, :, :, o], min–max normalised on its own
 * to [0, 1] (a constant filter becomes 0.5); tiles fill a grid row by row, `columns` per row,
 * `padding` pixels of `background` between them (none around the border).
 *
 * filters [kh, kw, 1, n] → [H, W]; [kh, kw, 3, n] → [H, W, 3] (a filter's three channels are
 * normalised together, with one min and one max); any other channel count throws.
 * H = rows·kh + (rows−1)·padding, W = columns·kw + (columns−1)·padding, rows = ⌈n / columns⌉;
 * tile o's top-left corner is at (⌊o / columns⌋·(kh + padding), (o mod columns)·(kw + padding)).
 *
 * @example two 2×2 filters [[0, 1], [2, 3]] and [[5, 5], [5, 5]] (filters[u][v][0][o]):
 *   filterGrid(tf.tensor4d([0, 5, 1, 5, 2, 5, 3, 5], [2, 2, 1, 2])) →
 *   [[0, 1/3, 1, 0.5, 0.5], [2/3, 1, 1, 0.5, 0.5]]  (2 columns, 1 gap pixel of background 1)
 */
export function filterGrid(filters: tf.Tensor4D, options: GridOptions = {}): tf.Tensor2D | tf.Tensor3D {
  // TODO: Part B.
  throw new Error('Remove this line and implement filterGrid (Part B)');
}

/**
 * Part C. The feature maps that layer `layerName` computes for one image: the output of the
 * model truncated after that layer (its activation function included).
 *
 * image [H, W, C] (the model's input shape) → [h, w, channels]. Throws an Error naming the layer
 * when it is missing or its output is not a feature map [batch, h, w, channels], and when the
 * image does not fit the model's input.
 *
 * @example activationMaps(courseModel, image28x28x1, 'conv1').shape → [28, 28, 8]
 */
export function activationMaps(model: tf.LayersModel, image: tf.Tensor3D, layerName: string): tf.Tensor3D {
  // TODO: Part C.
  throw new Error('Remove this line and implement activationMaps (Part C)');
}

/**
 * Part D. Feature visualisation by gradient ascent: starting from `start`, `steps` times
 * x ← x + learningRate · ∇x a(x), where a(x) is the mean, over all h·w positions, of channel
 * `channel` of layer `layerName`'s output for the batch [x]. Plain ascent: no clipping, no
 * normalisation of the gradient or the image, no regulariser.
 *
 * Throws an Error for a channel outside [0, channels), steps that are not an integer ≥ 0, a
 * learning rate that is not a finite number > 0, a start image that does not fit the model, and
 * (as in Part C) a missing layer or one without feature maps.
 *
 * @returns the image after the last step, [H, W, C] (a copy of `start` when steps is 0)
 * @example maximizeActivation(courseModel, 'conv1', 1, { steps: 20, learningRate: 20, start }) → [28, 28, 1]
 */
export function maximizeActivation(model: tf.LayersModel, layerName: string, channel: number, options: AscentOptions): tf.Tensor3D {
  // TODO: Part D.
  throw new Error('Remove this line and implement maximizeActivation (Part D)');
}
