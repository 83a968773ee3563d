/**
 * Exercise 04 — what did the network learn? The hidden reference solution.
 *
 * Conventions: tfjs layers models with NHWC images; every function returns a NEW tensor that the
 * caller owns and disposes, leaves no other tensor behind, and never disposes the model, its
 * layers or its arguments. Invalid input throws an `Error` whose message names what was expected
 * and what was given.
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

function fail(fn: string, message: string): never {
  throw new Error(`Error in ${fn}: ${message}`);
}

function show(value: unknown): string {
  if (value instanceof tf.Tensor) return `a tensor of shape [${value.shape.join(', ')}]`;
  if (typeof value === 'string') return `'${value}'`;
  return String(value);
}

function expectTensor(fn: string, name: string, value: unknown, rank: number, layout: string): asserts value is tf.Tensor {
  if (!(value instanceof tf.Tensor) || value.rank !== rank) {
    fail(fn, `expected ${name} to be a rank-${rank} tensor ${layout}, got ${show(value)}.`);
  }
}

/** The layer called `name`, or an Error listing the layers there are. */
function findLayer(fn: string, model: tf.LayersModel, name: string): tf.layers.Layer {
  if (!(model instanceof tf.LayersModel)) fail(fn, `expected a tf.LayersModel, got ${show(model)}.`);
  const layer = model.layers.find((l) => l.name === name);
  if (layer === undefined) {
    fail(fn, `no layer named ${show(name)} in the model (its layers: ${model.layers.map((l) => l.name).join(', ')}).`);
  }
  return layer;
}

/** A layer whose output is a feature map [batch, h, w, channels], and its channel count. */
function featureLayer(fn: string, model: tf.LayersModel, name: string): { layer: tf.layers.Layer; channels: number } {
  const layer = findLayer(fn, model, name);
  const shape = layer.outputShape as (number | null)[];
  if (!Array.isArray(shape) || shape.length !== 4 || Array.isArray(shape[0])) {
    fail(fn, `layer '${name}' (${layer.getClassName()}) outputs shape [${String(shape)}], not feature maps [batch, h, w, channels].`);
  }
  return { layer, channels: shape[3] as number };
}

/** Checks that `image` [H, W, C] fits the model's single input [batch, H, W, C]. */
function expectInputImage(fn: string, name: string, model: tf.LayersModel, image: unknown): asserts image is tf.Tensor3D {
  expectTensor(fn, name, image, 3, '[H, W, C]');
  const wanted = model.inputs[0].shape.slice(1);
  if (wanted.some((size, axis) => size !== null && size !== image.shape[axis])) {
    fail(fn, `expected ${name} of shape [${wanted.map((s) => s ?? 'any').join(', ')}] (the model's input), got [${image.shape.join(', ')}].`);
  }
}

/** The model up to (and including) `layer`: it shares the layers, so it must never be disposed. */
function truncate(model: tf.LayersModel, layer: tf.layers.Layer): tf.LayersModel {
  return tf.model({ inputs: model.inputs, outputs: layer.output as tf.SymbolicTensor });
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
  const layer = findLayer('getFilters', model, layerName);
  if (layer.getClassName() !== 'Conv2D') {
    fail('getFilters', `layer '${layerName}' is a ${layer.getClassName()}, not a Conv2D convolution.`);
  }
  // getWeights() hands out the layer's own variables: clone, so the caller may dispose the result.
  return layer.getWeights()[0].clone() as tf.Tensor4D;
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
  const fn = 'filterGrid';
  expectTensor(fn, 'filters', filters, 4, '[kh, kw, inChannels, n]');
  const [kh, kw, cin, n] = filters.shape;
  if (cin !== 1 && cin !== 3) {
    fail(fn, `expected filters with 1 (grayscale) or 3 (RGB) input channels, got ${cin} (shape [${filters.shape.join(', ')}]).`);
  }
  if (n < 1 || kh < 1 || kw < 1) fail(fn, `expected at least one filter of at least 1×1, got shape [${filters.shape.join(', ')}].`);
  const { columns = Math.ceil(Math.sqrt(n)), padding = 1, background = 1 } = options ?? {};
  if (!Number.isInteger(columns) || columns < 1) fail(fn, `expected columns to be a positive integer, got ${show(columns)}.`);
  if (!Number.isInteger(padding) || padding < 0) fail(fn, `expected padding to be a non-negative integer, got ${show(padding)}.`);
  if (typeof background !== 'number' || !Number.isFinite(background)) fail(fn, `expected background to be a finite number, got ${show(background)}.`);
  const rows = Math.ceil(n / columns);
  return tf.tidy(() => {
    const tiles = tf.transpose(filters.toFloat(), [3, 0, 1, 2]); // [n, kh, kw, cin]
    const low = tiles.min([1, 2, 3], true);
    const range = tiles.max([1, 2, 3], true).sub(low);
    const flat = range.equal(0);
    // Divide by 1 where the filter is constant, so no 0/0 is ever computed.
    const scaled = tf.where(flat.broadcastTo(tiles.shape), tf.fill(tiles.shape, 0.5), tiles.sub(low).div(tf.where(flat, tf.onesLike(range), range)));
    // Each tile gets `padding` background pixels below and to its right; empty cells are all background.
    const padded = tf.pad(
      scaled,
      [
        [0, rows * columns - n],
        [0, padding],
        [0, padding],
        [0, 0],
      ],
      background,
    );
    const grid = padded
      .reshape([rows, columns, kh + padding, kw + padding, cin])
      .transpose([0, 2, 1, 3, 4])
      .reshape([rows * (kh + padding), columns * (kw + padding), cin])
      .slice([0, 0, 0], [rows * (kh + padding) - padding, columns * (kw + padding) - padding, cin]);
    return cin === 1 ? (grid.squeeze([2]) as tf.Tensor2D) : (grid as tf.Tensor3D);
  });
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
  const fn = 'activationMaps';
  const { layer } = featureLayer(fn, model, layerName);
  expectInputImage(fn, 'image', model, image);
  return tf.tidy(() => {
    const batch = truncate(model, layer).predict(image.expandDims(0)) as tf.Tensor4D;
    return batch.squeeze([0]) as tf.Tensor3D;
  });
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
  const fn = 'maximizeActivation';
  const { layer, channels } = featureLayer(fn, model, layerName);
  if (!Number.isInteger(channel) || channel < 0 || channel >= channels) {
    fail(fn, `expected channel to be an integer in [0, ${channels - 1}] (layer '${layerName}' has ${channels} channels), got ${show(channel)}.`);
  }
  const { steps, learningRate, start } = options ?? ({} as AscentOptions);
  if (!Number.isInteger(steps) || steps < 0) fail(fn, `expected steps to be a non-negative integer, got ${show(steps)}.`);
  if (typeof learningRate !== 'number' || !Number.isFinite(learningRate) || learningRate <= 0) {
    fail(fn, `expected learningRate to be a finite number > 0, got ${show(learningRate)}.`);
  }
  expectInputImage(fn, 'start', model, start);
  const sub = truncate(model, layer);
  const objective = (x: tf.Tensor): tf.Scalar => {
    const maps = sub.apply(x.expandDims(0)) as tf.Tensor4D; // [1, h, w, channels]
    // slice, not gather: its gradient is a cheap pad (gather's is a segment sum).
    return maps.slice([0, 0, 0, channel], [1, -1, -1, 1]).mean();
  };
  const gradient = tf.grad(objective);
  let image = start.clone();
  for (let step = 0; step < steps; step++) {
    const next = tf.tidy(() => image.add(gradient(image).mul(learningRate))) as tf.Tensor3D;
    image.dispose();
    image = next;
  }
  return image;
}
