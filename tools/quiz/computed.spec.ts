/**
 * Every computed answer of the quiz, recomputed with tfjs: parameter counts with countParams(),
 * sizes with real layers, batch normalisation's inference statistics, the failing addition of the
 * seed's residual block, the shift-invariant construction, and the seed's demo loop. The key is
 * generated from the solution, so these tests are what makes the key right, not just consistent.
 */
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { answers } from '../../solutions/exercise-05-quiz/answers.ts';
import { constructions, roll } from './constructions.ts';
import { traps } from './traps.ts';

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
});

/** countParams() of one layer, built on an input of `shape` (without the batch axis). */
function paramsOf(layer: tf.layers.Layer, shape: number[], before: tf.layers.Layer[] = []): number {
  const model = tf.sequential({ layers: [tf.layers.inputLayer({ inputShape: shape }), ...before, layer] });
  const count = layer.countParams();
  model.dispose();
  return count;
}

describe('parameter counts (countParams)', () => {
  it('q02: a 2×2 max-pool', () => {
    expect(paramsOf(tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }), [28, 28, 64])).toBe(answers.q02);
  });

  it('q03: the dense layer after 2×2 pooling (and the trap: before pooling)', () => {
    const after = paramsOf(tf.layers.dense({ units: 10 }), [16, 16, 32], [tf.layers.maxPooling2d({ poolSize: 2, strides: 2 }), tf.layers.flatten()]);
    const before = paramsOf(tf.layers.dense({ units: 10 }), [16, 16, 32], [tf.layers.flatten()]);
    expect(after).toBe(answers.q03);
    expect(traps.q03.beforePooling).toEqual([before]);
  });

  it('q04: a 3×3 convolution from 64 to 128 channels with bias', () => {
    expect(paramsOf(tf.layers.conv2d({ filters: 128, kernelSize: 3, useBias: true }), [8, 8, 64])).toBe(answers.q04);
  });

  it('q11: batch normalisation on 56×56×64 — trainable weights and countParams()', () => {
    const layer = tf.layers.batchNormalization();
    const counted = paramsOf(layer, [56, 56, 64]);
    const trainable = layer.trainableWeights.reduce((sum, w) => sum + w.shape.reduce((a, b) => (a as number) * (b as number), 1)!, 0);
    expect([trainable, counted]).toEqual(answers.q11);
  });
});

describe('sizes', () => {
  it('q05: width for n=32, k=5, s=2, p=1, d=2 (dilated kernel built by hand: tf.conv2d refuses stride 2 with dilation 2)', () => {
    const [n, k, s, p, d] = [32, 5, 2, 1, 2];
    const span = d * (k - 1) + 1;
    const taps = Array.from({ length: span }, (_, i) => (i % d === 0 ? 1 : 0));
    const x = tf.pad(tf.ones([1, 1, n, 1]), [
      [0, 0],
      [0, 0],
      [p, p],
      [0, 0],
    ]) as tf.Tensor4D;
    const out = tf.conv2d(x, tf.tensor4d(taps, [1, span, 1, 1]), [1, s], 'valid');
    const viaDilation = tf.conv2d(x, tf.ones([1, k, 1, 1]) as tf.Tensor4D, 1, 'valid', 'NHWC', [1, d]);
    expect(out.shape[2]).toBe(answers.q05);
    expect(Math.ceil(viaDilation.shape[2] / s)).toBe(answers.q05);
    tf.dispose([x, out, viaDilation]);
  });

  it('q06: three stacked 3×3 convolutions see a 7-pixel-wide window (impulse response width)', async () => {
    const size = 15;
    const impulse = tf.buffer([1, size, size, 1]);
    impulse.set(1, 0, 7, 7, 0);
    let y = impulse.toTensor() as tf.Tensor4D;
    for (let layer = 0; layer < 3; layer++) y = tf.conv2d(y, tf.ones([3, 3, 1, 1]) as tf.Tensor4D, 1, 'same');
    const row = Array.from((await y.slice([0, 7, 0, 0], [1, 1, size, 1]).data()) as Float32Array);
    expect(row.filter((v) => v !== 0).length).toBe(answers.q06);
  });

  it("q18: the seed's block — two unpadded 3×3 convolutions on 56×56", () => {
    const input = tf.input({ shape: [56, 56, 64] });
    const conv1 = tf.layers.conv2d({ filters: 64, kernelSize: 3 }).apply(input) as tf.SymbolicTensor;
    const conv2 = tf.layers.conv2d({ filters: 64, kernelSize: 3 }).apply(tf.layers.reLU().apply(conv1)) as tf.SymbolicTensor;
    expect(conv2.shape[1]).toBe(answers.q18);
  });
});

describe('behaviour that decides a choice', () => {
  it('q07: a 1×1 convolution equals a dense layer applied at every pixel', async () => {
    const [h, w, cin, cout] = [5, 6, 7, 3];
    const x = tf.randomNormal([1, h, w, cin], 0, 1, 'float32', 11) as tf.Tensor4D;
    const kernel = tf.randomNormal([1, 1, cin, cout], 0, 1, 'float32', 12) as tf.Tensor4D;
    const bias = tf.randomNormal([cout], 0, 1, 'float32', 13);
    const conv = tf.add(tf.conv2d(x, kernel, 1, 'valid'), bias);
    const dense = tf.add(tf.matMul(x.reshape([h * w, cin]), kernel.reshape([cin, cout])), bias).reshape([1, h, w, cout]);
    const difference = (await tf.max(tf.abs(tf.sub(conv, dense))).data())[0];
    expect(difference < 1e-5).toBe(answers.q07);
  });

  it('q10: at inference, batch normalisation uses the moving statistics', async () => {
    const layer = tf.layers.batchNormalization({ movingMeanInitializer: 'zeros', movingVarianceInitializer: 'ones', epsilon: 1e-3 });
    const x = tf.add(tf.mul(tf.randomNormal([8, 2, 2, 3], 0, 1, 'float32', 21), 3), 10);
    const y = layer.apply(x, { training: false }) as tf.Tensor;
    const withMoving = tf.div(x, Math.sqrt(1 + 1e-3));
    const { mean, variance } = tf.moments(x, [0, 1, 2]);
    const withBatch = tf.div(tf.sub(x, mean), tf.sqrt(tf.add(variance, 1e-3)));
    const close = async (a: tf.Tensor, b: tf.Tensor) => (await tf.max(tf.abs(tf.sub(a, b))).data())[0] < 1e-4;
    const used = (await close(y, withMoving)) ? 'moving' : (await close(y, withBatch)) ? 'batch' : 'neither';
    expect(used).toBe('moving');
    expect({ moving: 'A', batch: 'B', neither: '?' }[used]).toBe(answers.q10);
  });

  it('q13: exactly one construction is invariant to every circular shift, and it is the key’s', async () => {
    const x = tf.randomNormal([1, 12, 12, 1], 0, 1, 'float32', 31) as tf.Tensor4D;
    const invariant: string[] = [];
    for (const [letter, f] of Object.entries(constructions)) {
      const base = f(x);
      let worst = 0;
      for (const [dy, dx] of [
        [1, 0],
        [0, 1],
        [1, 1],
        [3, 5],
        [-2, 7],
      ]) {
        const shifted = roll(x, dy, dx);
        worst = Math.max(worst, (await tf.max(tf.abs(tf.sub(f(shifted), base))).data())[0]);
      }
      if (worst < 1e-4) invariant.push(letter);
    }
    expect(invariant).toEqual([answers.q13]);
  });

  it("q19: adding the seed's 52×52 output to its 56×56 input throws (no broadcasting)", () => {
    const add = () => tf.add(tf.zeros([1, 52, 52, 64]), tf.zeros([1, 56, 56, 64]));
    let outcome = 'returns';
    try {
      add().dispose();
    } catch (error) {
      outcome = /broadcast/i.test((error as Error).message) ? 'throws' : 'other';
    }
    expect({ throws: 'A', returns: 'B', other: '?' }[outcome]).toBe(answers.q19);
  });
});

describe("the seed's demo", () => {
  it('q20: its loops, run as written, print the key’s matrix; a full valid correlation gives the trap', async () => {
    const image = Array.from({ length: 5 }, () => new Array<number>(5).fill(0));
    image[2][2] = 1;
    const featureMap = Array.from({ length: 3 }, () => new Array<number>(3).fill(0));
    for (let i = 2; i < 4; i++) {
      for (let j = 2; j < 4; j++) {
        let sum = 0;
        for (let u = i - 2; u < i + 1; u++) for (let v = j - 2; v < j + 1; v++) sum += image[u][v] * 1;
        featureMap[i - 2][j - 2] = sum;
      }
    }
    expect(featureMap).toEqual(answers.q20);
    const full = tf.conv2d(tf.tensor4d(image.flat(), [1, 5, 5, 1]), tf.ones([3, 3, 1, 1]) as tf.Tensor4D, 1, 'valid');
    expect([(await full.reshape([3, 3]).array()) as number[][]]).toEqual(traps.q20.correctCorrelation);
  });
});
