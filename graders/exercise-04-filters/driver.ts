/**
 * Driver of exercise 04, run in the student's process: the student's functions take a
 * tf.LayersModel, which cannot cross the process boundary, so this code builds the model from a
 * plain spec (models.ts), calls the student's function with it, reads the result with
 * `await data()` and reports what happened as plain data. It judges nothing; the grader does
 * (known backend bugs are reproduced in the grader's process: backends/known-bugs.ts).
 */
import * as tf from '@tensorflow/tfjs';
import { fromStudent, toStudent, UnreadableResult, type Created } from '../support/sandbox/codec.ts';
import { handle } from '../support/sandbox/driver-protocol.ts';
import { toThrown, type DriverOp } from '../support/sandbox/runner.ts';
import { buildModel } from './models.ts';
import type { ModelCallReport } from './model-call.ts';
import { callWithModelOp } from './protocol.ts';

// Captured when the driver loads, before any student code runs.
const memory = tf.memory;
const engine = tf.engine();
const getBackend = tf.getBackend;
const now = performance.now.bind(performance);

function tensorCount(): number {
  const backend = engine.backend as { numDataIds?: () => number };
  const fromEngine = memory().numTensors;
  return Math.max(fromEngine, typeof backend.numDataIds === 'function' ? backend.numDataIds() : fromEngine);
}

/** Names of the model's weights that can no longer be read (disposed by the student's code). */
function brokenWeights(model: tf.LayersModel): string[] {
  const broken: string[] = [];
  for (const weight of model.weights) {
    try {
      if (weight.read().isDisposed) broken.push(weight.originalName);
    } catch {
      broken.push(weight.originalName);
    }
  }
  return broken;
}

function disposeQuietly(dispose: () => unknown): void {
  try {
    dispose();
  } catch {
    // Already disposed by the student's code: reported above, nothing left to free.
  }
}

/**
 * Calls `fn(model, ...args)` of the student's module with a freshly built model; see
 * {@link ModelCallReport} for what comes back.
 */
export const ops: Record<string, DriverOp> = handle(callWithModelOp, async (request, context) => {
  const fn = context.student()[request.fn];
  if (typeof fn !== 'function') throw new UnreadableResult(`your module does not export a function named ${request.fn}`);
  const model = await buildModel(request.model, { courseDir: request.courseDir });
  const created: Created = { tensors: [], arrays: [] };
  const args = request.args.map((arg) => toStudent(arg, created));
  // By identity, not dataId: a clone shares its source's dataId but is a new tensor the caller owns.
  const weights = new Set<tf.Tensor>(model.weights.map((w) => w.read()));
  const ownTensors = new Set<tf.Tensor>([...weights, ...created.tensors]);
  const report: ModelCallReport = {
    leaked: 0,
    disposedInputs: 0,
    brokenWeights: [],
    returnedModelWeight: false,
    returnedInput: false,
    backendAfter: context.backend,
    ms: 0,
  };
  const before = tensorCount();
  const returned: tf.Tensor[] = [];
  const start = now();
  try {
    const result: unknown = await (fn as (...a: unknown[]) => unknown)(model, ...args);
    report.ms = now() - start;
    report.value = await fromStudent(result, `the result of ${request.fn}`, returned);
  } catch (error) {
    report.ms = now() - start;
    report.thrown = { ...toThrown(error), unreadable: error instanceof UnreadableResult };
  }
  const fresh = new Set(returned.filter((t) => !ownTensors.has(t)));
  report.leaked = Math.max(0, tensorCount() - before - fresh.size);
  report.returnedModelWeight = returned.some((t) => weights.has(t));
  report.returnedInput = returned.some((t) => created.tensors.includes(t));
  report.disposedInputs = created.tensors.filter((t) => t.isDisposed).length;
  report.brokenWeights = brokenWeights(model);
  report.backendAfter = getBackend();
  if (report.backendAfter !== context.backend) await tf.setBackend(context.backend);
  // The model's own weights go with the model; everything else we created or got back is freed here.
  for (const t of [...returned, ...created.tensors]) if (!t.isDisposed && !weights.has(t)) disposeQuietly(() => t.dispose());
  disposeQuietly(() => model.dispose());
  return report;
});
