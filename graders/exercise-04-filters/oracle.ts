/**
 * tfjs in the grader's process as an independent oracle (not the hidden reference, so it also runs
 * in a student release): magnitude bounds for tolerances, a layer's maps, the activation a
 * student's image reaches, and the course model's trained kernel.
 */
import { COURSE_MODEL_DIR } from '../../datasets/course-model.ts';
import type { Dense } from '../support/sandbox/wire.ts';
import { tf } from '../support/tf.ts';
import { buildModel, type ModelSpec } from './models.ts';

async function withModel<T>(spec: ModelSpec, absolute: boolean, body: (model: tf.LayersModel) => Promise<T>): Promise<T> {
  const model = await buildModel(spec, { courseDir: COURSE_MODEL_DIR, absolute });
  try {
    return await body(model);
  } finally {
    model.dispose();
  }
}

function truncate(model: tf.LayersModel, layerName: string): tf.LayersModel {
  return tf.model({ inputs: model.inputs, outputs: model.getLayer(layerName).output as tf.SymbolicTensor });
}

function image4d(image: Dense): tf.Tensor4D {
  return tf.tensor4d(Float32Array.from(image.data), [1, ...image.shape] as [number, number, number, number]);
}

async function toDense(t: tf.Tensor): Promise<Dense> {
  const data = Float64Array.from(await t.data());
  const shape = t.shape.slice();
  t.dispose();
  return { shape, data };
}

function layerOutput(spec: ModelSpec, layerName: string, image: Dense, absolute: boolean): Promise<Dense> {
  return withModel(spec, absolute, async (model) => toDense(tf.tidy(() => (truncate(model, layerName).predict(image4d(image)) as tf.Tensor).squeeze([0]))));
}

/**
 * Σ|terms| behind every output of `layerName` for `image` [H, W, C]: the magnitude model
 * (|weights|, identity activations) applied to |image|, as [h, w, channels].
 */
export function outputMagnitude(spec: ModelSpec, layerName: string, image: Dense): Promise<Dense> {
  return layerOutput(spec, layerName, { shape: image.shape, data: image.data.map(Math.abs) }, true);
}

/** The output of `layerName` for `image` [H, W, C], computed here: [h, w, channels]. */
export function oracleMaps(spec: ModelSpec, layerName: string, image: Dense): Promise<Dense> {
  return layerOutput(spec, layerName, image, false);
}

/** The mean of channel `channel` of `layerName`'s output for `image`, and ‖∇ of it‖² there. */
export function ascentFacts(spec: ModelSpec, layerName: string, channel: number, image: Dense): Promise<{ activation: number; gradientNormSquared: number }> {
  return withModel(spec, false, async (model) => {
    const sub = truncate(model, layerName);
    const objective = (x: tf.Tensor4D): tf.Scalar => (sub.apply(x) as tf.Tensor4D).slice([0, 0, 0, channel], [1, -1, -1, 1]).mean();
    const [activation, norm] = tf.tidy(() => {
      const x = image4d(image);
      const { value, grad } = tf.valueAndGrad(objective)(x);
      return [value, grad.square().sum()];
    });
    return { activation: (await toDense(activation)).data[0], gradientNormSquared: (await toDense(norm)).data[0] };
  });
}

/** The course model's conv1 kernel [7, 7, 1, 8], read from the committed weights. */
export function courseKernel(): Promise<Dense> {
  return withModel({ kind: 'course' }, false, async (model) => toDense(model.getLayer('conv1').getWeights()[0].clone()));
}
