/**
 * Reading and setting a Layers model as plain data, with whichever tfjs imports this module:
 * the student's (in the driver) or the grader's (for the reference). Weights are matched to a
 * block's layers by role (see graph.ts), never by creation order.
 */
import * as tf from '@tensorflow/tfjs';
import { bnOf, type BlockRoles, type ConvRole, type Graph, type GraphNode, type LayerConfig } from './graph.ts';
import type { WireTensor } from '../support/sandbox/wire.ts';
import type { BlockWeights, ConvWeights, NormWeights } from './weights.ts';

const configKeys = [
  'filters',
  'kernelSize',
  'strides',
  'padding',
  'dilationRate',
  'useBias',
  'activation',
  'units',
  'poolSize',
  'axis',
  'momentum',
  'epsilon',
  'center',
  'scale',
  'maxValue',
];

function reduceConfig(layer: tf.layers.Layer): LayerConfig {
  const config: LayerConfig = {};
  let raw: Record<string, unknown> = {};
  try {
    raw = layer.getConfig() as Record<string, unknown>;
  } catch {
    // A layer whose config cannot be read is still described by its class.
  }
  for (const key of configKeys) {
    const value = raw[key];
    if (typeof value === 'number' || typeof value === 'string' || typeof value === 'boolean' || value === null) config[key] = value;
    else if (Array.isArray(value) && value.every((v) => typeof v === 'number')) config[key] = value.slice();
  }
  // tfjs stores a conv's kernel size and strides as pairs, a pool's pool size too; a number is both.
  for (const key of ['kernelSize', 'strides', 'poolSize', 'dilationRate']) {
    if (typeof config[key] === 'number') config[key] = [config[key] as number, config[key] as number];
  }
  return config;
}

/** The model's data-flow graph, walked back from its (single) output. */
export function describeModel(model: tf.LayersModel): Graph {
  const nodes = new Map<string, GraphNode>();
  const visit = (layer: tf.layers.Layer, nodeIndex: number): string => {
    const id = `${layer.name}#${nodeIndex}`;
    if (nodes.has(id)) return id;
    const node = layer.inboundNodes[nodeIndex];
    const inputs = node.inboundLayers.map((inbound, i) => visit(inbound, node.nodeIndices[i]));
    nodes.set(id, {
      id,
      layer: layer.name,
      className: layer instanceof tf.LayersModel ? 'Model' : layer.getClassName(),
      inputs,
      config: reduceConfig(layer),
      weightShapes: layer.weights.map((w) => w.shape.slice() as number[]),
      applications: 0,
    });
    return id;
  };
  const out = model.outputs[0];
  const output = visit(out.sourceLayer, out.nodeIndex);
  // A layer applied twice (a shared layer) has a node per application.
  const counts = new Map<string, number>();
  for (const n of nodes.values()) counts.set(n.layer, (counts.get(n.layer) ?? 0) + 1);
  for (const n of nodes.values()) n.applications = counts.get(n.layer)!;
  return { nodes: [...nodes.values()], output };
}

/** Tensors allocated now: the larger of tfjs's two counters (as the harness counts leaks). */
export function tensorCount(): number {
  const fromEngine = tf.memory().numTensors;
  const backend = tf.engine().backend as { numDataIds?: () => number };
  return Math.max(fromEngine, typeof backend.numDataIds === 'function' ? backend.numDataIds() : fromEngine);
}

/** The number of trainable parameters (tfjs's `countParams()` counts moving statistics too). */
export function trainableCount(model: tf.LayersModel): number {
  return model.trainableWeights.reduce((sum, w) => sum + (w.shape as number[]).reduce((a, b) => a * b, 1), 0);
}

/**
 * A tensor's values on the wire as float32 (read with `await data()`; the caller still owns `t`).
 *
 * @example await wireOf(tf.tensor([1, 2])) → { $tensor: { shape: [2], dtype: 'float32', data: Float32Array [1, 2] } }
 */
export async function wireOf(t: tf.Tensor): Promise<WireTensor> {
  return { $tensor: { shape: t.shape.slice(), dtype: 'float32', data: Float32Array.from(await t.data()) } };
}

function tensorOf(values: { shape: number[]; data: Float64Array }): tf.Tensor {
  return tf.tensor(Float32Array.from(values.data), values.shape, 'float32');
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((n, i) => n === b[i]);
}

function setConv(layer: tf.layers.Layer, role: ConvRole, weights: ConvWeights): void {
  const shapes = layer.weights.map((w) => w.shape as number[]);
  if (!sameShape(shapes[0], weights.kernel.$nd.shape)) {
    throw new RoleMismatch(`${role} (${layer.name}) has a kernel of shape [${shapes[0].join(', ')}], expected [${weights.kernel.$nd.shape.join(', ')}]`);
  }
  if (shapes.length === 1 && weights.bias !== undefined) {
    throw new RoleMismatch(
      `${role} (${layer.name}) has no bias, but no batch normalisation follows it (with batchNorm: false every convolution keeps its bias)`,
    );
  }
  const filters = weights.kernel.$nd.shape[3];
  const values = [tensorOf(weights.kernel.$nd)];
  // A conv before a BN may keep its bias: zero is the reference's "no bias".
  if (shapes.length === 2) values.push(weights.bias === undefined ? tf.zeros([filters]) : tensorOf(weights.bias.$nd));
  layer.setWeights(values);
  tf.dispose(values);
}

function setNorm(layer: tf.layers.Layer, role: string, weights: NormWeights): void {
  if (layer.weights.length !== 4) {
    throw new RoleMismatch(
      `${role} (${layer.name}) has ${layer.weights.length} weights, expected 4 (γ, β, moving mean, moving variance): keep center and scale on`,
    );
  }
  const values = [weights.gamma, weights.beta, weights.movingMean, weights.movingVariance].map((w) => tensorOf(w.$nd));
  layer.setWeights(values);
  tf.dispose(values);
}

/** The block's layers do not fit the weights of their roles (a student's mistake, said in words). */
export class RoleMismatch extends Error {
  override name = 'RoleMismatch';
}

/** Sets every role's weights; a role the weights have but the block lacks (or vice versa) is a mismatch. */
export function setBlockWeights(model: tf.LayersModel, roles: BlockRoles, weights: BlockWeights): void {
  for (const role of ['conv1', 'conv2', 'projection'] as const) {
    const name = roles[role];
    const given = weights[role];
    if ((name === undefined) !== (given === undefined)) {
      throw new RoleMismatch(
        name === undefined
          ? `the block has no ${role} convolution, but needs one here`
          : `the block has a ${role} convolution (${name}) that it should not have here`,
      );
    }
    if (name !== undefined && given !== undefined) setConv(model.getLayer(name), role, given);
    const bnName = roles[bnOf[role]];
    const bn = weights[bnOf[role]];
    if ((bnName === undefined) !== (bn === undefined)) {
      throw new RoleMismatch(
        bnName === undefined ? `no batch normalisation follows ${role}, but one should` : `a batch normalisation (${bnName}) follows ${role}, but none should`,
      );
    }
    if (bnName !== undefined && bn !== undefined) setNorm(model.getLayer(bnName), bnOf[role], bn);
  }
}

/** The moving statistics of each BN role, as plain arrays. */
export interface MovingStats {
  [role: string]: { [key: string]: number[]; mean: number[]; variance: number[] };
}

/** Each BN role's moving mean and variance. */
export async function readMovingStats(model: tf.LayersModel, roles: BlockRoles): Promise<MovingStats> {
  const stats: MovingStats = {};
  for (const role of Object.values(bnOf)) {
    const name = roles[role];
    if (name === undefined) continue;
    const [, , mean, variance] = model.getLayer(name).weights;
    stats[role] = { mean: Array.from(await mean.read().data()), variance: Array.from(await variance.read().data()) };
  }
  return stats;
}
