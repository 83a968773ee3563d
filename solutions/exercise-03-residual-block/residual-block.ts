/**
 * Exercise 03 — residual block. The hidden reference solution.
 *
 * He et al. (2015)'s basic block and the seed's ResNet, repaired, with the tfjs Layers API
 * (channels last: [batch, height, width, channels]). The decisions this file follows are listed
 * in the exercise's README ("The spec"): 'same' padding everywhere, a projection shortcut iff
 * strides ≠ 1 or the channels change, convolutions that feed a BN drop their bias, BN with
 * tfjs's defaults, no nested models.
 */
import * as tf from '@tensorflow/tfjs';

/** Options of {@link residualBlock}. */
export interface ResidualBlockOptions {
  /** Output channels, a positive integer. */
  filters: number;
  /** 2 halves height and width ('same': ⌈n/2⌉). @defaultValue 1 */
  strides?: 1 | 2;
  /** A batch normalisation after every convolution. @defaultValue true */
  batchNorm?: boolean;
}

function fail(fn: string, message: string): never {
  throw new Error(`Error in ${fn}: ${message}`);
}

function show(value: unknown): string {
  if (typeof value === 'string') return `'${value}'`;
  if (Array.isArray(value)) return `[${value.map(show).join(', ')}]`;
  return String(value);
}

function isPositiveInteger(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

/** Applies one layer to one symbolic tensor (tfjs types `apply` for every input kind). */
function apply(layer: tf.layers.Layer, x: tf.SymbolicTensor | tf.SymbolicTensor[]): tf.SymbolicTensor {
  return layer.apply(x) as tf.SymbolicTensor;
}

/** A 'same' convolution. Before a BN it has no bias: BN subtracts the mean, and β is the shift. */
function conv(x: tf.SymbolicTensor, filters: number, kernelSize: number, strides: number, useBias: boolean): tf.SymbolicTensor {
  return apply(tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', useBias }), x);
}

function validateBlock(input: tf.SymbolicTensor, options: ResidualBlockOptions): Required<ResidualBlockOptions> {
  const fn = 'residualBlock';
  if (!(input instanceof tf.SymbolicTensor) || input.shape.length !== 4) {
    fail(
      fn,
      `expected input to be a SymbolicTensor of shape [batch, height, width, channels], got ${input instanceof tf.SymbolicTensor ? `shape ${show(input.shape)}` : show(input)}.`,
    );
  }
  if (options === null || typeof options !== 'object') fail(fn, `expected options { filters, strides?, batchNorm? }, got ${show(options)}.`);
  const { filters, strides = 1, batchNorm = true } = options;
  if (!isPositiveInteger(filters)) fail(fn, `expected filters to be a positive integer, got ${show(filters)}.`);
  if (strides !== 1 && strides !== 2) fail(fn, `expected strides to be 1 or 2, got ${show(strides)}.`);
  if (typeof batchNorm !== 'boolean') fail(fn, `expected batchNorm to be true or false, got ${show(batchNorm)}.`);
  return { filters, strides, batchNorm };
}

/**
 * Parts A–C. The basic residual block of He et al. (2015):
 *
 *     main:     conv3×3 (filters, strides, 'same') → BN → ReLU → conv3×3 (filters, 1, 'same') → BN
 *     shortcut: identity, or conv1×1 (filters, strides) → BN when strides ≠ 1 or channels ≠ filters
 *     output:   ReLU(main + shortcut)
 *
 * Without batchNorm the BN layers are left out and every convolution keeps its bias.
 *
 * @param input - [batch, H, W, C], e.g. `tf.input({ shape: [8, 8, 16] })`
 * @returns [batch, ⌈H/strides⌉, ⌈W/strides⌉, filters]
 * @example residualBlock(tf.input({ shape: [7, 7, 16] }), { filters: 32, strides: 2 }).shape → [null, 4, 4, 32]
 */
export function residualBlock(input: tf.SymbolicTensor, options: ResidualBlockOptions): tf.SymbolicTensor {
  const { filters, strides, batchNorm } = validateBlock(input, options);
  const norm = (x: tf.SymbolicTensor): tf.SymbolicTensor => (batchNorm ? apply(tf.layers.batchNormalization(), x) : x);
  let main = norm(conv(input, filters, 3, strides, !batchNorm));
  main = apply(tf.layers.reLU(), main);
  main = norm(conv(main, filters, 3, 1, !batchNorm));
  // Decided by the options alone, so the same options always build the same layers.
  const project = strides !== 1 || input.shape[3] !== filters;
  const shortcut = project ? norm(conv(input, filters, 1, strides, !batchNorm)) : input;
  return apply(tf.layers.reLU(), apply(tf.layers.add(), [main, shortcut]));
}

function validateResNet(inputShape: [number, number, number], numClasses: number): void {
  const fn = 'buildResNet';
  if (!Array.isArray(inputShape) || inputShape.length !== 3 || !inputShape.every(isPositiveInteger)) {
    fail(fn, `expected inputShape to be [height, width, channels] of positive integers, got ${show(inputShape)}.`);
  }
  if (!isPositiveInteger(numClasses) || numClasses < 2) fail(fn, `expected numClasses to be an integer ≥ 2, got ${show(numClasses)}.`);
}

/**
 * Parts D–E. The seed's ResNet, repaired into a classifier:
 *
 *     conv7×7 (64, strides 2, 'same') → BN → ReLU → max-pool 3×3 (strides 2, 'same')
 *     → block(64) → block(128, strides 2) → block(256, strides 2)
 *     → global average pool → dense(numClasses, softmax)
 *
 * @param inputShape - [H, W, C] of one image, e.g. [28, 28, 1]
 * @param numClasses - classes of the softmax, an integer ≥ 2
 * @returns a model mapping [N, H, W, C] to [N, numClasses] whose rows sum to 1
 * @example buildResNet([32, 32, 3], 10).outputs[0].shape → [null, 10]
 */
export function buildResNet(inputShape: [number, number, number], numClasses: number): tf.LayersModel {
  validateResNet(inputShape, numClasses);
  const input = tf.input({ shape: inputShape });
  let x = apply(tf.layers.batchNormalization(), conv(input, 64, 7, 2, false));
  x = apply(tf.layers.reLU(), x);
  x = apply(tf.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' }), x);
  x = residualBlock(x, { filters: 64 });
  x = residualBlock(x, { filters: 128, strides: 2 });
  x = residualBlock(x, { filters: 256, strides: 2 });
  x = apply(tf.layers.globalAveragePooling2d({}), x);
  const output = apply(tf.layers.dense({ units: numClasses, activation: 'softmax' }), x);
  return tf.model({ inputs: input, outputs: output });
}
