/**
 * The models exercise 04 is graded on, described as plain data so that the student's process
 * (driver.ts) and the grader's process (the reference, the oracle) build the very same model:
 * the course's trained model, or a small random one whose weights come from a seed.
 *
 * Imports tfjs itself (not ../support/tf.ts, which would switch the student's process to cpu);
 * grader-side modules import ../support/tf.ts first so that their backend is set.
 */
import * as tf from '@tensorflow/tfjs';
import { createPrng } from '../../datasets/bars/prng.ts';
import { fileSystem } from '../../datasets/model-io.ts';

export type Activation = 'relu' | 'tanh' | 'linear';

/** One layer of a random model. Pools are 2×2 with stride 2 and 'same' padding. */
export type LayerSpec =
  | { kind: 'conv'; name: string; filters: number; kernel: [number, number]; padding: 'valid' | 'same'; activation: Activation }
  | { kind: 'maxPool'; name: string }
  | { kind: 'flatten'; name: string }
  | { kind: 'dense'; name: string; units: number }
  /** Convolutions that are not `Conv2D` (3×3, 'same'): getFilters must refuse them. */
  | { kind: 'depthwise' | 'separable' | 'transposed'; name: string; filters: number };

/** A model to grade on: the course's trained model, or a random sequential model. */
export type ModelSpec = { kind: 'course' } | { kind: 'random'; input: [number, number, number]; layers: LayerSpec[]; seed: number };

/** Facts about the course model (datasets/models/bars-cnn/README.md). */
export const course = {
  input: [28, 28, 1] as [number, number, number],
  conv: { name: 'conv1', kernel: [7, 7] as [number, number], channels: 8 },
  /** Filter 4 never fires (its ReLU output is 0 on every test image), so its gradient is 0. */
  deadFilters: [4],
};

/** Options of {@link buildModel}. */
export interface BuildOptions {
  /** Where the course model's model.json and weights.bin are (needed for `{ kind: 'course' }`). */
  courseDir?: string;
  /**
   * Build the magnitude model instead: every weight replaced by its absolute value and every
   * activation by the identity. Run on |image|, it bounds Σ|terms| of every sum the real model
   * computes, from which float32 tolerances follow.
   */
  absolute?: boolean;
}

function buildLayer(spec: LayerSpec, absolute: boolean, inputShape?: [number, number, number]): tf.layers.Layer {
  const first = inputShape === undefined ? {} : { inputShape };
  switch (spec.kind) {
    case 'conv':
      return tf.layers.conv2d({
        ...first,
        name: spec.name,
        filters: spec.filters,
        kernelSize: spec.kernel,
        padding: spec.padding,
        activation: absolute ? 'linear' : spec.activation,
      });
    case 'maxPool':
      return tf.layers.maxPooling2d({ ...first, name: spec.name, poolSize: 2, strides: 2, padding: 'same' });
    case 'flatten':
      return tf.layers.flatten({ ...first, name: spec.name });
    case 'dense':
      return tf.layers.dense({ ...first, name: spec.name, units: spec.units, activation: 'linear' });
    case 'depthwise':
      return tf.layers.depthwiseConv2d({ ...first, name: spec.name, kernelSize: 3, padding: 'same' });
    case 'separable':
      return tf.layers.separableConv2d({ ...first, name: spec.name, filters: spec.filters, kernelSize: 3, padding: 'same' });
    case 'transposed':
      return tf.layers.conv2dTranspose({ ...first, name: spec.name, filters: spec.filters, kernelSize: 3, padding: 'same' });
  }
}

/** Replaces every weight of `layer` by `map(weight)` (temporaries disposed). */
function mapWeights(layer: tf.layers.Layer, map: (w: tf.Tensor, index: number) => tf.Tensor): void {
  const fresh = layer.getWeights().map(map);
  layer.setWeights(fresh);
  for (const t of fresh) t.dispose();
}

/** Glorot-uniform kernels and small biases from a xoshiro128** stream: the same on every machine. */
function seedWeights(model: tf.LayersModel, seed: number): void {
  const rng = createPrng(seed);
  for (const layer of model.layers) {
    mapWeights(layer, (w, index) => {
      const shape = w.shape;
      const fanOut = shape[shape.length - 1];
      const fanIn = shape.length === 1 ? 1 : w.size / fanOut;
      const limit = index === 0 ? Math.sqrt(6 / (fanIn + fanOut)) : 0.2;
      const values = Float32Array.from({ length: w.size }, () => rng.uniform(-limit, limit));
      return tf.tensor(values, shape, 'float32');
    });
  }
}

/**
 * Builds the model a spec describes, on the current tfjs backend. The caller disposes it.
 *
 * @example const model = await buildModel({ kind: 'course' }, { courseDir }); // conv1 → pool → logits
 */
export async function buildModel(spec: ModelSpec, options: BuildOptions = {}): Promise<tf.LayersModel> {
  let model: tf.LayersModel;
  if (spec.kind === 'course') {
    if (options.courseDir === undefined) throw new Error('buildModel: the course model needs courseDir');
    model = await tf.loadLayersModel(fileSystem(options.courseDir));
  } else {
    const sequential = tf.sequential();
    spec.layers.forEach((layer, i) => {
      sequential.add(buildLayer(layer, options.absolute === true, i === 0 ? spec.input : undefined));
    });
    seedWeights(sequential, spec.seed);
    model = sequential;
  }
  // The course model's ReLU is the identity on the magnitude model's non-negative sums.
  if (options.absolute) for (const layer of model.layers) mapWeights(layer, (w) => tf.abs(w));
  return model;
}

/** The conv layers of a spec, in order, with their fan-in (kh·kw·Cin + 1 for the bias). */
export function convLayers(spec: ModelSpec): { name: string; fanIn: number }[] {
  if (spec.kind === 'course') return [{ name: course.conv.name, fanIn: course.conv.kernel[0] * course.conv.kernel[1] * course.input[2] + 1 }];
  const out: { name: string; fanIn: number }[] = [];
  let channels = spec.input[2];
  for (const layer of spec.layers) {
    if (layer.kind !== 'conv') continue;
    out.push({ name: layer.name, fanIn: layer.kernel[0] * layer.kernel[1] * channels + 1 });
    channels = layer.filters;
  }
  return out;
}

/**
 * How many rounded terms stand behind one output of `layerName`: Σ (fan-in + 2) over the conv
 * layers up to it (float32 error of a chain of sums, see graders/support/tolerance.ts).
 */
export function termsUpTo(spec: ModelSpec, layerName: string): number {
  const names = spec.kind === 'course' ? [course.conv.name, 'pool', 'logits'] : spec.layers.map((l) => l.name);
  const upTo = new Set(names.slice(0, names.indexOf(layerName) + 1));
  return convLayers(spec)
    .filter((c) => upTo.has(c.name))
    .reduce((sum, c) => sum + c.fanIn + 2, 0);
}

/** One line per layer, for failure messages. */
export function describeModel(spec: ModelSpec): string {
  if (spec.kind === 'course') {
    return "the course model (datasets/models/bars-cnn): input [28, 28, 1] → conv1: conv2d 8@7×7 'same' relu → pool: globalMaxPooling2d → logits: dense(4) softmax";
  }
  const lines = [`a random model, input [${spec.input.join(', ')}], weights drawn from seed ${spec.seed}:`];
  for (const layer of spec.layers) {
    if (layer.kind === 'conv') {
      lines.push(`  ${layer.name}: conv2d ${layer.filters}@${layer.kernel.join('×')} '${layer.padding}' ${layer.activation}`);
    } else if (layer.kind === 'maxPool') {
      lines.push(`  ${layer.name}: maxPooling2d 2×2, stride 2, 'same'`);
    } else if (layer.kind === 'flatten') {
      lines.push(`  ${layer.name}: flatten`);
    } else if (layer.kind === 'dense') {
      lines.push(`  ${layer.name}: dense(${layer.units})`);
    } else {
      const what = { depthwise: 'depthwiseConv2d 3×3', separable: `separableConv2d ${layer.filters}@3×3`, transposed: `conv2dTranspose ${layer.filters}@3×3` }[
        layer.kind
      ];
      lines.push(`  ${layer.name}: ${what} 'same'`);
    }
  }
  return lines.join('\n');
}
