/**
 * Driver of exercise 03: trusted code that runs in the student's process, next to their module,
 * because a SymbolicTensor or a LayersModel cannot cross to the grader. Each op builds the
 * student's block or network, reports plain data (graph, counts, outputs, losses, tensors left
 * over) and disposes what it made; the grader judges. What the student's code throws comes back
 * as `{ thrown }`, a block whose layers cannot be matched to roles as `{ problem }`.
 *
 * Every op seeds Math.random while it runs, so tfjs's weight initialisers — and hence every
 * reported number — are the same on every run.
 */
import * as tf from '@tensorflow/tfjs';
import { createPrng } from '../../datasets/bars/prng.ts';
import { registerFastConvKernels } from '../../datasets/kernels/register.ts';
import type { DriverOp, RunnerContext } from '../support/sandbox/runner.ts';
import type { Thrown, Wire, WireTensor } from '../support/sandbox/wire.ts';
import { blockRoles, type BlockRoles, type Graph } from './graph.ts';
import { describeModel, readMovingStats, RoleMismatch, setBlockWeights, tensorCount, trainableCount } from './tf-model.ts';
import type { BlockOptions, BlockWeights } from './weights.ts';

// tfjs 4.22's CPU Conv2DBackpropFilter makes one training step of the ResNet take seconds.
// Registered at import, before the student's module loads (the harness snapshots the registry then).
registerFastConvKernels();

/** The student's code threw (or tfjs threw inside it): reported, not raised. */
class StudentThrew extends Error {
  constructor(readonly thrown: Thrown) {
    super(thrown.message);
  }
}

function toThrown(error: unknown, during: string): Thrown & { during: string } {
  if (error instanceof Error)
    return { isError: true, name: String(error.name), message: String(error.message), stack: error.stack?.split('\n').slice(1, 12).join('\n'), during };
  return { isError: false, name: typeof error, message: String(error), during };
}

/** Runs student code (or tfjs on the student's layers), turning a throw into {@link StudentThrew}. */
function student<T>(during: string, run: () => T): T {
  try {
    return run();
  } catch (error) {
    throw new StudentThrew(toThrown(error, during));
  }
}

function exported(context: RunnerContext, name: string): (...args: unknown[]) => unknown {
  const fn = context.student()[name];
  if (typeof fn !== 'function') throw new StudentThrew({ isError: true, name: 'TypeError', message: `your module does not export a function named ${name}` });
  return fn as (...args: unknown[]) => unknown;
}

/**
 * Wraps an op: seeds Math.random, reports the student's throws and role mismatches as data,
 * and adds `leaked` (tensors left allocated after everything was disposed).
 */
function op(body: (payload: Record<string, Wire>, context: RunnerContext, dispose: (m: tf.LayersModel) => void) => Promise<Record<string, Wire>>): DriverOp {
  return async (payload, context) => {
    const before = tensorCount();
    const random = Math.random;
    const prng = createPrng(Number((payload as { seed?: number }).seed ?? 1) >>> 0);
    Math.random = () => prng.next();
    const models: tf.LayersModel[] = [];
    try {
      const result = await body(payload as Record<string, Wire>, context, (m) => models.push(m));
      for (const m of models.splice(0)) m.dispose();
      return { ...result, leaked: tensorCount() - before };
    } catch (error) {
      if (error instanceof StudentThrew) return { thrown: error.thrown as unknown as Wire };
      if (error instanceof RoleMismatch) return { problem: error.message };
      throw error;
    } finally {
      for (const m of models) m.dispose();
      Math.random = random;
    }
  };
}

/** The student's block on `tf.input({ shape: inputShape })`, as a model. */
function buildBlock(context: RunnerContext, inputShape: number[], options: BlockOptions): tf.LayersModel {
  const residualBlock = exported(context, 'residualBlock');
  const input = tf.input({ shape: inputShape });
  const output = student('residualBlock', () => residualBlock(input, options));
  if (!(output instanceof tf.SymbolicTensor)) {
    throw new StudentThrew({
      isError: true,
      name: 'TypeError',
      message: `residualBlock must return the SymbolicTensor of the block's output, got ${describeValue(output)}`,
    });
  }
  return student('tf.model({ inputs: input, outputs: <your result> })', () => tf.model({ inputs: input, outputs: output }));
}

function buildNetwork(context: RunnerContext, inputShape: number[], numClasses: number): tf.LayersModel {
  const buildResNet = exported(context, 'buildResNet');
  const model = student('buildResNet', () => buildResNet(inputShape, numClasses));
  if (!(model instanceof tf.LayersModel)) {
    throw new StudentThrew({ isError: true, name: 'TypeError', message: `buildResNet must return a tf.LayersModel, got ${describeValue(model)}` });
  }
  return model;
}

function describeValue(value: unknown): string {
  if (value === null || value === undefined) return String(value);
  if (Array.isArray(value)) return `an array of length ${value.length}`;
  return typeof value === 'object' ? `an object (${value.constructor?.name ?? 'Object'})` : typeof value;
}

function structure(model: tf.LayersModel): { graph: Graph; outputShape: (number | null)[]; params: number; trainable: number } {
  return { graph: describeModel(model), outputShape: model.outputs[0].shape.slice(), params: model.countParams(), trainable: trainableCount(model) };
}

function tensorOf(wire: WireTensor): tf.Tensor {
  return tf.tensor(wire.$tensor.data, wire.$tensor.shape, wire.$tensor.dtype);
}

async function wireOf(t: tf.Tensor): Promise<WireTensor> {
  return { $tensor: { shape: t.shape.slice(), dtype: 'float32', data: Float32Array.from(await t.data()) } };
}

function rolesOf(graph: Graph): { roles: BlockRoles } {
  const found = blockRoles(graph);
  if ('problem' in found) throw new RoleMismatch(found.problem);
  return found;
}

export const ops: Record<string, DriverOp> = {
  /** { inputShape, options, seed } → { graph, outputShape, params, trainable } */
  describeBlock: op(async (p, context, keep) => {
    const model = buildBlock(context, p.inputShape as number[], p.options as BlockOptions);
    keep(model);
    return structure(model);
  }),

  /**
   * { inputShape, options, weights, x, training, seed } → { output, movingStats? }: the block
   * with every role's weights set, applied to x (in training mode: batch statistics, and the
   * moving statistics after the update).
   */
  runBlock: op(async (p, context, keep) => {
    const model = buildBlock(context, p.inputShape as number[], p.options as BlockOptions);
    keep(model);
    const { roles } = rolesOf(describeModel(model));
    setBlockWeights(model, roles, p.weights as BlockWeights);
    const x = tensorOf(p.x as WireTensor);
    const training = p.training === true;
    const y = student('applying your block', () => model.apply(x, { training }) as tf.Tensor);
    const output = await wireOf(y);
    tf.dispose([x, y]);
    const result: Record<string, Wire> = { output };
    if (training) result.movingStats = await readMovingStats(model, roles);
    return result;
  }),

  /**
   * { inputShape, options, x, upstream, seed } → { output, gradient }: the block as initialised,
   * with the last BN's γ and β zeroed (or, without BN, the last convolution's kernel and bias),
   * applied to x in inference mode; gradient = d(Σ output ⊙ upstream)/dx.
   */
  identityBlock: op(async (p, context, keep) => {
    const model = buildBlock(context, p.inputShape as number[], p.options as BlockOptions);
    keep(model);
    const { roles } = rolesOf(describeModel(model));
    // Zero γ and β but keep the moving statistics (copies: a variable must not be assigned itself).
    const last = model.getLayer((roles.bn2 ?? roles.conv2)!);
    const values = last.getWeights().map((w, i) => (roles.bn2 !== undefined && i >= 2 ? w.clone() : tf.zerosLike(w)));
    last.setWeights(values);
    tf.dispose(values);
    const x = tensorOf(p.x as WireTensor);
    const upstream = tensorOf(p.upstream as WireTensor);
    const f = (input: tf.Tensor): tf.Tensor => model.apply(input, { training: false }) as tf.Tensor;
    const y = student('applying your block', () => f(x));
    const gradient = student('differentiating your block', () => tf.grad((input: tf.Tensor) => tf.sum(tf.mul(f(input), upstream)))(x));
    const result = { output: await wireOf(y), gradient: await wireOf(gradient) };
    tf.dispose([x, upstream, y, gradient]);
    return result;
  }),

  /** { inputShape, numClasses, seed } → { graph, outputShape, params, trainable } */
  describeResNet: op(async (p, context, keep) => {
    const model = buildNetwork(context, p.inputShape as number[], p.numClasses as number);
    keep(model);
    return structure(model);
  }),

  /** { inputShape, numClasses, x, seed } → { outputShape, output }: predictions in inference mode. */
  runResNet: op(async (p, context, keep) => {
    const model = buildNetwork(context, p.inputShape as number[], p.numClasses as number);
    keep(model);
    const x = tensorOf(p.x as WireTensor);
    const y = student('applying your model', () => model.apply(x, { training: false }) as tf.Tensor);
    const output = await wireOf(y);
    tf.dispose([x, y]);
    return { outputShape: model.outputs[0].shape.slice(), output };
  }),

  /**
   * { seed } → { className, topology, weights }: buildResNet([14, 14, 1], 4) as data — its
   * serialised topology (`model.toJSON(null, false)`) and every weight (`model.weights` order,
   * trainable then not) as tensors. The grader rebuilds and trains it itself (Part E): only the
   * network crosses, never a measurement.
   */
  exportResNet: op(async (_p, context, keep) => {
    const model = buildNetwork(context, [14, 14, 1], 4);
    keep(model);
    const topology = student('model.toJSON', () => model.toJSON(null, false)) as unknown as Wire;
    // getWeights() hands out the variables themselves: read, not disposed (the model owns them).
    const weights = await Promise.all(model.getWeights().map(async (w, i) => ({ name: model.weights[i].originalName, value: await wireOf(w) })));
    return { className: model.getClassName(), topology, weights };
  }),
};
