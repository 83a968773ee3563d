/**
 * The student's block or network, rebuilt in the grader's process from what the student's
 * process sent (the driver's `exportBlock`, `exportResNet`): the Keras-style topology of
 * `model.toJSON()` and every weight. The grader then describes, runs or trains this copy itself
 * (Parts A, D, E), so no description or number the student's process makes can count. Only
 * tfjs's own layer classes can be rebuilt; a custom layer fails with a clear message.
 */
import { GradeFailure } from '../support/failure.ts';
import type { WireTensor } from '../support/sandbox/wire.ts';
import { tf } from '../support/tf.ts';
import type { ModelData } from './protocol.ts';

/** The Keras-style topology tfjs's modelFromJSON reads (`{ class_name, config }`). */
type Topology = Extract<Parameters<typeof tf.models.modelFromJSON>[0], { modelTopology: unknown }>['modelTopology'];

/** What the driver's `exportBlock` and `exportResNet` return. */
export interface SerialisedNetwork {
  className: string;
  topology: Topology;
  /** In `model.weights` order (trainable, then not), with their names for messages. */
  weights: { name: string; value: WireTensor }[];
  /** The student's function that built it, for messages (default buildResNet). */
  fn?: string;
}

// Bounds on what the grader agrees to build and train: the course's networks (32×32×3 at most)
// are far below them; a topology beyond them could only be an attempt to exhaust the grader.
const limits = { topologyChars: 1_000_000, parameters: 5_000_000, width: 4096 };
const widthKeys = new Set(['units', 'filters', 'size', 'depth_multiplier', 'n']);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** Only the outer shape: tfjs's modelFromJSON checks the rest, and its errors become a GradeFailure (rebuildNetwork). */
function isTopology(value: unknown): value is Topology {
  return isRecord(value) && typeof value.class_name === 'string';
}

function isWireTensor(value: unknown): value is WireTensor {
  return isRecord(value) && isRecord(value.$tensor) && Array.isArray(value.$tensor.shape) && value.$tensor.data instanceof Float32Array;
}

/** The first layer width (units, filters, an upsampling size, …) above the limit, if any. */
function tooWide(value: unknown, key = ''): string | undefined {
  if (typeof value === 'number') return widthKeys.has(key) && value > limits.width ? `${key} = ${value}` : undefined;
  if (Array.isArray(value)) return value.map((v) => tooWide(v, key)).find((found) => found !== undefined);
  if (isRecord(value))
    return Object.entries(value)
      .map(([k, v]) => tooWide(v, k))
      .find((found) => found !== undefined);
  return undefined;
}

/**
 * Checks the driver's answer is a serialised network the grader is willing to build.
 *
 * @param report - the `exportBlock` or `exportResNet` answer (after `expectRan`)
 * @param fn - the student's function that built it, for messages
 * @returns the same data, typed
 * @throws GradeFailure naming what is missing or too large
 * @example readSerialised({ className: 'Model', topology: { class_name: 'Model', config: {…} }, weights: [{ name: 'conv2d_1/kernel', value: { $tensor: … } }] })
 */
export function readSerialised(report: ModelData, fn = 'buildResNet'): SerialisedNetwork {
  const { className, topology, weights } = report;
  if (!isTopology(topology)) {
    throw new GradeFailure(
      `${fn}'s model.toJSON() is not a Keras-style topology ({ class_name, config }): the grader rebuilds your network from it, so build it from tfjs layers.`,
    );
  }
  if (!Array.isArray(weights) || !weights.every((w) => isRecord(w) && typeof w.name === 'string' && isWireTensor(w.value))) {
    throw new GradeFailure(`the weights of ${fn}'s model could not be read as tensors.`);
  }
  const chars = JSON.stringify(topology).length;
  if (chars > limits.topologyChars)
    throw new GradeFailure(
      `${fn}'s topology is ${chars.toLocaleString('en')} characters of JSON; the grader rebuilds at most ${limits.topologyChars.toLocaleString('en')}.`,
    );
  const wide = tooWide(topology);
  if (wide !== undefined)
    throw new GradeFailure(`${fn}'s model has a layer with ${wide}; the grader builds layers of at most ${limits.width} for the course's inputs.`);
  const parameters = weights.reduce((sum, w) => sum + w.value.$tensor.data.length, 0);
  if (parameters > limits.parameters)
    throw new GradeFailure(
      `${fn}'s network has ${parameters.toLocaleString('en')} weights; the grader trains at most ${limits.parameters.toLocaleString('en')}.`,
    );
  return { className: String(className), topology, weights, fn };
}

/**
 * The topology with every initializer (`kernel_initializer`, `gamma_initializer`, …) replaced by
 * Zeros. rebuildNetwork overwrites every weight with the student's values right after, so the
 * student's initializers would only cost time: drawing a ResNet's 1.2 M random starting weights
 * took ~0.1 s of the grader's CPU per rebuild, filling zeros takes ~0.01 s. No structural fact the
 * graders read (tf-model.ts configKeys) is an initializer.
 *
 * @example zeroInitialisers({ class_name: 'Conv2D', config: { kernel_initializer: { class_name: 'GlorotUniform', config: {} } } }).config.kernel_initializer → { class_name: 'Zeros', config: {} }
 */
function zeroInitialisers<T>(value: T): T {
  if (Array.isArray(value)) return value.map(zeroInitialisers) as T;
  if (!isRecord(value)) return value;
  const entries = Object.entries(value).map(([key, v]) => [
    key,
    key.endsWith('_initializer') && isRecord(v) ? { class_name: 'Zeros', config: {} } : zeroInitialisers(v),
  ]);
  return Object.fromEntries(entries) as T;
}

/**
 * Builds the network with the grader's tfjs (`tf.models.modelFromJSON`, no custom classes) and
 * sets every weight to the value the student's process sent. The caller disposes the model.
 *
 * @param network - from {@link readSerialised}
 * @returns a LayersModel equal to the student's, owned by the grader
 * @throws GradeFailure when a class is unknown (a custom layer) or the weights do not fit
 * @example const model = await rebuildNetwork(readSerialised(report)); model.outputs[0].shape → [null, 4]
 */
export async function rebuildNetwork(network: SerialisedNetwork): Promise<tf.LayersModel> {
  const fn = network.fn ?? 'buildResNet';
  let model: tf.LayersModel;
  try {
    // Only the topology: a weightsManifest here would make tfjs fetch files named by the student.
    model = await tf.models.modelFromJSON({ modelTopology: zeroInitialisers(network.topology) });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const unknown = /Unknown (?:layer|[a-z]+): ([^.\s]+)/i.exec(message)?.[1];
    if (unknown !== undefined) {
      throw new GradeFailure(
        `${fn}'s network uses the class ${unknown}, which tfjs does not know: custom layers are not allowed here (the grader rebuilds your network from model.toJSON() with tfjs's own layers).`,
      );
    }
    throw new GradeFailure(`the grader could not rebuild ${fn}'s network from model.toJSON(): ${message.split('\n')[0]}`);
  }
  const expected = model.weights.map((w) => w.shape.join('×'));
  const got = network.weights.map((w) => w.value.$tensor.shape.join('×'));
  if (expected.join(',') !== got.join(',')) {
    const at = expected.findIndex((shape, i) => shape !== got[i]);
    model.dispose();
    throw new GradeFailure(
      `the weights sent with ${fn}'s topology do not fit it: weight ${at + 1} (${network.weights[at]?.name ?? 'missing'}) is ${got[at] ?? 'missing'}, the topology needs ${expected[at] ?? 'none'} (${got.length} weights sent, ${expected.length} needed).`,
    );
  }
  const values = network.weights.map((w) => tf.tensor(w.value.$tensor.data, w.value.$tensor.shape, 'float32'));
  model.setWeights(values);
  tf.dispose(values);
  return model;
}
