import * as tf from '@tensorflow/tfjs';

/**
 * The course's small CNN for the oriented-bars set (exercise 04 inspects it):
 *
 * `input [28,28,1] → conv1: conv2d 8@7×7 'same' + ReLU → pool: globalMaxPooling2d → logits: dense(4) softmax`
 *
 * 7×7 filters are large enough to see a bar's orientation; the global max
 * makes the prediction translation-invariant (where the bar is does not matter,
 * only how strongly some filter responds somewhere).
 *
 * @param seed - seeds the Glorot-uniform initialisers of conv1 (`seed`) and logits (`seed + 1`); biases start at 0
 * @returns an uncompiled model; input `[batch, 28, 28, 1]` → output `[batch, 4]` class probabilities
 * @example
 * const model = buildBarsCnn(1);
 * model.layers.map((l) => l.name); // → ['conv1', 'pool', 'logits']
 * model.countParams();             // → 436 (7·7·1·8 + 8 + 8·4 + 4)
 */
export function buildBarsCnn(seed: number): tf.Sequential {
  if (!Number.isInteger(seed) || seed < 0) throw new Error(`buildBarsCnn: expected seed to be a non-negative integer, got ${seed}`);
  const model = tf.sequential({ name: 'bars_cnn' });
  model.add(
    tf.layers.conv2d({
      name: 'conv1',
      inputShape: [28, 28, 1],
      filters: 8,
      kernelSize: 7,
      padding: 'same',
      activation: 'relu',
      kernelInitializer: tf.initializers.glorotUniform({ seed }),
    }),
  );
  model.add(tf.layers.globalMaxPooling2d({ name: 'pool' }));
  model.add(
    tf.layers.dense({
      name: 'logits',
      units: 4,
      activation: 'softmax',
      kernelInitializer: tf.initializers.glorotUniform({ seed: seed + 1 }),
    }),
  );
  return model;
}
