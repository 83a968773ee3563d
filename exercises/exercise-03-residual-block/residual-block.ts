/**
 * Exercise 03 — residual block. Read README.md in this folder first, then replace each
 * `throw new Error('Remove this line…')` with your implementation. Grade with:
 *
 *     npm test exercise-03
 *
 * Conventions (README.md, "The spec"): the tfjs Layers API, channels last ([batch, height, width,
 * channels]), 'same' padding everywhere, batch normalisation with tfjs's defaults
 * (`tf.layers.batchNormalization()`: axis −1, momentum 0.99, epsilon 0.001; in training mode it
 * updates its moving statistics, and that update is part of the function). Layer order is read
 * along the data flow. Apply layers directly (no model used as a layer), create a new
 * convolution and BN for every use, and create no tensors. Invalid arguments throw an `Error` whose message names the
 * argument, what was expected and what was given.
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

/**
 * Parts A–C. The basic residual block of He et al. (2015):
 *
 *     main:     conv3×3 (filters, strides, 'same') → BN → ReLU → conv3×3 (filters, 1, 'same') → BN
 *     shortcut: the input itself (identity) when strides is 1 and the input has `filters` channels,
 *               else conv1×1 (filters, strides, 'same') → BN (a projection) — decided from the
 *               options alone, so a strides-2 block on a 1×1 input projects too
 *     output:   ReLU(main + shortcut)
 *
 * With `batchNorm: false` leave the BN layers out; every convolution then keeps its bias. A
 * convolution followed by a BN may drop its bias (`useBias: false`) or keep it: both are accepted.
 * Throws when `filters` is not a positive integer or `strides` is not 1 or 2.
 *
 * @param input - [batch, H, W, C], e.g. `tf.input({ shape: [8, 8, 16] })`
 * @returns [batch, ⌈H/strides⌉, ⌈W/strides⌉, filters]
 * @example residualBlock(tf.input({ shape: [7, 7, 16] }), { filters: 32, strides: 2 }).shape → [null, 4, 4, 32]
 */
export function residualBlock(input: tf.SymbolicTensor, options: ResidualBlockOptions): tf.SymbolicTensor {
  // TODO: Parts A–C.
  throw new Error('Remove this line and implement residualBlock (Parts A–C)');
}

/**
 * Parts D–E. The seed's ResNet, repaired into a classifier:
 *
 *     conv7×7 (64, strides 2, 'same') → BN → ReLU → max-pool 3×3 (strides 2, 'same')
 *     → residualBlock(64) → residualBlock(128, strides 2) → residualBlock(256, strides 2)
 *     → global average pool → dense(numClasses, softmax)
 *
 * Throws when `inputShape` is not three positive integers or `numClasses` is not an integer ≥ 2.
 *
 * @param inputShape - [H, W, C] of one image, e.g. [28, 28, 1]
 * @param numClasses - classes of the softmax, an integer ≥ 2
 * @returns a model mapping [N, H, W, C] to [N, numClasses] whose rows sum to 1
 * @example buildResNet([32, 32, 3], 10).outputs[0].shape → [null, 10]
 */
export function buildResNet(inputShape: [number, number, number], numClasses: number): tf.LayersModel {
  // TODO: Parts D–E.
  throw new Error('Remove this line and implement buildResNet (Parts D–E)');
}
