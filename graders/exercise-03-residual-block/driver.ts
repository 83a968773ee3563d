/**
 * Driver of exercise 03: trusted code that runs in the student's process, next to their module,
 * because a SymbolicTensor or a LayersModel cannot cross to the grader. Each op builds the
 * student's block or network and either sends it as data (topology and weights: the grader
 * rebuilds it and reads every structural fact, output, gradient and loss itself — Parts A, C, D, E) or
 * runs it on weights and inputs the grader chose and returns the outputs (Part B); it
 * disposes what it made and reports tensors left over. What the student's code throws comes back
 * as `{ thrown }`, a block whose layers cannot be matched to roles as `{ problem }`.
 *
 * Every op seeds Math.random while it runs, so tfjs's weight initialisers — and hence every
 * reported number — are the same on every run.
 */
import * as tf from '@tensorflow/tfjs';
import { createPrng } from '../../datasets/bars/prng.ts';
import { registerFastConvKernels } from '../../datasets/kernels/register.ts';
import { handle, type DriverProtocol } from '../support/sandbox/driver-protocol.ts';
import type { DriverOp, RunnerContext } from '../support/sandbox/runner.ts';
import type { Thrown, WireTensor } from '../support/sandbox/wire.ts';
import { blockRoles, type BlockRoles, type Graph } from './graph.ts';
import { exportBlockOp, exportResNetOp, runBlockOp, type BlockRun, type DriverThrown, type ModelData, type Outcome } from './protocol.ts';
import { describeModel, readMovingStats, RoleMismatch, setBlockWeights, tensorCount, wireOf } from './tf-model.ts';

// tfjs 4.22's CPU Conv2DBackpropFilter makes one training step of the ResNet take seconds.
// Registered at import, before the student's module loads (the harness snapshots the registry then).
registerFastConvKernels();

/** The student's code threw (or tfjs threw inside it): reported, not raised. */
class StudentThrew extends Error {
  constructor(readonly thrown: Thrown) {
    super(thrown.message);
  }
}

function toThrown(error: unknown, during: string): DriverThrown {
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
 * The driver's op for `protocol`: seeds Math.random, reports the student's throws and role
 * mismatches as data, and adds `leaked` (tensors left allocated after everything was disposed).
 */
function op<Request extends { seed?: number }, Result>(
  protocol: DriverProtocol<Request, Outcome<Result>>,
  body: (request: Request, context: RunnerContext, dispose: (m: tf.LayersModel) => void) => Promise<Result>,
): Record<string, DriverOp> {
  return handle(protocol, async (request, context) => {
    const before = tensorCount();
    const random = Math.random;
    const prng = createPrng(Number(request.seed ?? 1) >>> 0);
    Math.random = () => prng.next();
    const models: tf.LayersModel[] = [];
    try {
      const result = await body(request, context, (m) => models.push(m));
      for (const m of models.splice(0)) m.dispose();
      return { ...result, leaked: tensorCount() - before };
    } catch (error) {
      if (error instanceof StudentThrew) return { thrown: error.thrown };
      if (error instanceof RoleMismatch) return { problem: error.message };
      throw error;
    } finally {
      for (const m of models) m.dispose();
      Math.random = random;
    }
  });
}

/** The student's block on `tf.input({ shape: inputShape })`, as a model. */
function buildBlock(context: RunnerContext, inputShape: number[], options: unknown): tf.LayersModel {
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

/**
 * A model as data: its class, its serialised topology (`model.toJSON(null, false)`) and every
 * weight (`model.weights` order, trainable then not) as tensors, for the grader to rebuild.
 */
async function asData(model: tf.LayersModel, fn: string): Promise<ModelData> {
  const topology = student(`${fn}'s model.toJSON`, () => model.toJSON(null, false));
  // getWeights() hands out the variables themselves: read, not disposed (the model owns them).
  const weights = await Promise.all(model.getWeights().map(async (w, i) => ({ name: model.weights[i].originalName, value: await wireOf(w) })));
  return { className: model.getClassName(), topology, weights };
}

function tensorOf(wire: WireTensor): tf.Tensor {
  return tf.tensor(wire.$tensor.data, wire.$tensor.shape, wire.$tensor.dtype);
}

function rolesOf(graph: Graph): { roles: BlockRoles } {
  const found = blockRoles(graph);
  if ('problem' in found) throw new RoleMismatch(found.problem);
  return found;
}

export const ops: Record<string, DriverOp> = {
  /**
   * The student's block on tf.input({ shape: inputShape }) as data (see {@link asData}). The
   * grader rebuilds it and reads its structure itself (Part A): no description of it crosses.
   */
  ...op(exportBlockOp, async (p, context, keep) => {
    const model = buildBlock(context, p.inputShape, p.options);
    keep(model);
    return asData(model, 'residualBlock');
  }),

  /**
   * The block with every role's weights set, applied to x (in training mode: batch statistics,
   * and the moving statistics after the update).
   */
  ...op(runBlockOp, async (p, context, keep) => {
    const model = buildBlock(context, p.inputShape, p.options);
    keep(model);
    const { roles } = rolesOf(describeModel(model));
    setBlockWeights(model, roles, p.weights);
    const x = tensorOf(p.x);
    const training = p.training === true;
    const y = student('applying your block', () => model.apply(x, { training }) as tf.Tensor);
    const output = await wireOf(y);
    tf.dispose([x, y]);
    const result: BlockRun = { output };
    if (training) result.movingStats = await readMovingStats(model, roles);
    return result;
  }),

  /**
   * buildResNet(inputShape, numClasses) as data (default [14, 14, 1] and 4, Part E's network).
   * The grader rebuilds it and reads its structure and predictions (Part D) or trains it (Part E)
   * itself: only the network crosses, never a measurement.
   */
  ...op(exportResNetOp, async (p, context, keep) => {
    const model = buildNetwork(context, p.inputShape ?? [14, 14, 1], p.numClasses ?? 4);
    keep(model);
    return asData(model, 'buildResNet');
  }),
};
