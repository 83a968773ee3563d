/**
 * The four constructions of quiz question q13, built from tfjs ops, so that computed.spec.ts can
 * find out which one is exactly invariant to circular shifts instead of trusting the key.
 * Images are [1, H, W, 1]; every weight comes from a fixed seed.
 */
import * as tf from '@tensorflow/tfjs';

/**
 * Circular shift of a [1, H, W, C] image by (dy, dx): content moves down and right.
 *
 * @example roll(tf.tensor4d([1, 2, 3], [1, 1, 3, 1]), 0, 1) → [[3, 1, 2]]
 */
export function roll(x: tf.Tensor4D, dy: number, dx: number): tf.Tensor4D {
  return tf.tidy(() => {
    const [, h, w] = x.shape;
    const sy = ((dy % h) + h) % h;
    const sx = ((dx % w) + w) % w;
    const rows = sy === 0 ? x : tf.concat([x.slice([0, h - sy, 0, 0], [-1, sy, -1, -1]), x.slice([0, 0, 0, 0], [-1, h - sy, -1, -1])], 1);
    return sx === 0 ? rows : tf.concat([rows.slice([0, 0, w - sx, 0], [-1, -1, sx, -1]), rows.slice([0, 0, 0, 0], [-1, -1, w - sx, -1])], 2);
  });
}

/** Pads a [1, H, W, C] image by r on every side with wrapped-around content. */
function circularPad(x: tf.Tensor4D, r: number): tf.Tensor4D {
  const [, h, w] = x.shape;
  const rows = tf.concat([x.slice([0, h - r, 0, 0], [-1, r, -1, -1]), x, x.slice([0, 0, 0, 0], [-1, r, -1, -1])], 1);
  return tf.concat([rows.slice([0, 0, w - r, 0], [-1, -1, r, -1]), rows, rows.slice([0, 0, 0, 0], [-1, -1, r, -1])], 2);
}

function kernel(size: number, cin: number, cout: number, seed: number): tf.Tensor4D {
  return tf.randomNormal([size, size, cin, cout], 0, 1, 'float32', seed) as tf.Tensor4D;
}

/** Option letter → construction, as QUIZ.md lists them for q13. */
export const constructions: Record<string, (x: tf.Tensor4D) => tf.Tensor> = {
  /** 'same'-padded (zero) convolutions with 11×11 kernels. */
  A: (x) => tf.tidy(() => tf.conv2d(tf.relu(tf.conv2d(x, kernel(11, 1, 4, 1), 1, 'same')), kernel(11, 4, 4, 2), 1, 'same')),
  /** Stride-1 circular convolutions, then global average pooling. */
  B: (x) =>
    tf.tidy(() =>
      tf.mean(tf.conv2d(tf.relu(tf.conv2d(circularPad(x, 1), kernel(3, 1, 4, 4), 1, 'valid')) as tf.Tensor4D, kernel(1, 4, 4, 5), 1, 'valid'), [1, 2]),
    ),
  /** A convolution, then a 2×2 max-pool with stride 2. */
  C: (x) => tf.tidy(() => tf.maxPool(tf.relu(tf.conv2d(x, kernel(3, 1, 4, 3), 1, 'same')), 2, 2, 'valid')),
  /** Strided convolutions, then flatten and dense. */
  D: (x) =>
    tf.tidy(() => {
      const features = tf.relu(tf.conv2d(x, kernel(3, 1, 4, 6), 2, 'same'));
      const flat = features.reshape([1, -1]);
      return tf.matMul(flat, tf.randomNormal([flat.shape[1] as number, 3], 0, 1, 'float32', 7));
    }),
};
