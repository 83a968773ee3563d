/**
 * Part E's measurement, made in the grader's process: a few steps of plain SGD with categorical
 * cross-entropy on one fixed batch of bars (datasets/bars, shrunk to 14×14), the losses read
 * here. The fast convolution-gradient kernels of datasets/kernels are registered first (the
 * student's process has them too), so a step takes milliseconds, not seconds.
 */
import { generateBars } from '../../datasets/bars/generate-bars.ts';
import { registerFastConvKernels } from '../../datasets/kernels/register.ts';
import { tf } from '../support/tf.ts';

/** The set-up of the learning check. */
export interface Training {
  /** Images in the one batch. */
  count: number;
  /** SGD updates. */
  steps: number;
  learningRate: number;
  /** Seed of generateBars. */
  dataSeed: number;
}

/**
 * The 28×28 bars, averaged over 2×2 squares: [count, 14, 14, 1] (a quarter of the work per step).
 *
 * @example smallBars(8, 1).images.length → 8 · 14 · 14
 */
export function smallBars(count: number, seed: number): { images: Float32Array; labels: Uint8Array } {
  const { images, labels } = generateBars({ count, seed });
  const small = new Float32Array(count * 14 * 14);
  for (let n = 0; n < count; n++) {
    for (let i = 0; i < 14; i++) {
      for (let j = 0; j < 14; j++) {
        const at = (di: number, dj: number): number => images[n * 784 + (2 * i + di) * 28 + 2 * j + dj];
        small[n * 196 + i * 14 + j] = (at(0, 0) + at(0, 1) + at(1, 0) + at(1, 1)) / 4;
      }
    }
  }
  return { images: small, labels };
}

/**
 * Trains `model` (input [null, 14, 14, 1], output [null, 4] probabilities) in place and returns
 * the losses: losses[0] before the first update, then after each; the last is measured after
 * `steps` updates. All in training mode (batch statistics), as the updates see them.
 *
 * @param model - a model the grader owns (see rebuild-network.ts); compiled here
 * @param training - batch size, steps, learning rate, data seed
 * @returns steps + 1 losses
 * @example await trainOnBars(model, { count: 8, steps: 2, learningRate: 0.05, dataSeed: 1 }) → [1.45, 0.89, 0.13]
 */
export async function trainOnBars(model: tf.LayersModel, training: Training): Promise<number[]> {
  registerFastConvKernels();
  const { count } = training;
  const { images, labels } = smallBars(count, training.dataSeed);
  const oneHot = new Float32Array(count * 4);
  for (const [n, label] of labels.entries()) oneHot[n * 4 + label] = 1;
  const xs = tf.tensor4d(images, [count, 14, 14, 1]);
  const ys = tf.tensor2d(oneHot, [count, 4]);
  const optimizer = tf.train.sgd(training.learningRate);
  try {
    model.compile({ optimizer, loss: 'categoricalCrossentropy' });
    const losses: number[] = [];
    for (let step = 0; step < training.steps; step++) losses.push(Number(await model.trainOnBatch(xs, ys)));
    const final = tf.tidy(() => tf.mean(tf.metrics.categoricalCrossentropy(ys, model.apply(xs, { training: true }) as tf.Tensor)));
    losses.push((await final.data())[0]);
    final.dispose();
    return losses;
  } finally {
    tf.dispose([xs, ys]);
    optimizer.dispose();
  }
}
