/**
 * The student's block or network as the grader sees it: sent as data by the driver (`exportBlock`,
 * `exportResNet`), rebuilt with the grader's tfjs (rebuild-network.ts), and then described or run
 * here. Parts A and D read every structural fact (layers along the data flow, configurations,
 * output shape, parameter counts) and every prediction from this copy, never from a description
 * made in the student's process.
 */
import type { ExerciseGrader } from '../support/exercise.ts';
import { callDriver, type DriverProtocol } from '../support/sandbox/driver-protocol.ts';
import { expectRan } from './check.ts';
import type { Graph } from './graph.ts';
import type { ModelData, Outcome } from './protocol.ts';
import { readSerialised, rebuildNetwork } from './rebuild-network.ts';
import { describeModel, trainableCount } from './tf-model.ts';
import type { tf } from '../support/tf.ts';

/** What Parts A and D check of a model's structure. */
export interface Structure {
  graph: Graph;
  /** The symbolic output shape, batch as null: e.g. [null, 4, 4, 8]. */
  outputShape: (number | null)[];
  /** `countParams()`: every weight, moving statistics included. */
  params: number;
  trainable: number;
}

/**
 * The structure of a model the grader owns.
 *
 * @example structureOf(rebuiltBlock) → { graph: { nodes: [...], output: 're_lu_3#0' }, outputShape: [null, 4, 4, 8], params: 1304, trainable: 1272 }
 */
export function structureOf(model: tf.LayersModel): Structure {
  return { graph: describeModel(model), outputShape: model.outputs[0].shape.slice(), params: model.countParams(), trainable: trainableCount(model) };
}

/**
 * Asks the driver for the student's model as data, rebuilds it here, hands it to `use` and
 * disposes it after.
 *
 * @param op - exportBlockOp or exportResNetOp (protocol.ts)
 * @param request - the op's request (shapes, options, seed)
 * @param fn - the student's function, for messages
 * @param use - what to read from the rebuilt model
 * @throws GradeFailure when the student's code threw, left tensors, or sent a model that cannot be rebuilt
 * @example const s = await withRebuilt(ex, exportBlockOp, { inputShape: [4, 4, 2], options: { filters: 4 }, seed: 1 }, 'residualBlock', structureOf)
 */
export async function withRebuilt<Request, T>(
  ex: ExerciseGrader,
  op: DriverProtocol<Request, Outcome<ModelData>>,
  request: Request,
  fn: string,
  use: (model: tf.LayersModel) => T | Promise<T>,
  timeoutMs = 10_000,
): Promise<T> {
  const report = expectRan(await callDriver(ex, op, request, { label: fn, timeoutMs }), fn);
  const model = await rebuildNetwork(readSerialised(report, fn));
  try {
    return await use(model);
  } finally {
    model.dispose();
  }
}
