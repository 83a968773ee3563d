/**
 * Calling the student's model functions through the driver, and judging what every such call
 * must do besides returning the right numbers: not throw, return a tf.Tensor, leave no tensor
 * behind, dispose neither its inputs nor the model's weights, return a copy rather than a
 * weight of the model or an input tensor itself, and keep the backend.
 */
import { COURSE_MODEL_DIR } from '../../datasets/course-model.ts';
import { thrownFailure, type ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure } from '../support/failure.ts';
import { formatValue } from '../support/format.ts';
import { callDriver } from '../support/sandbox/driver-protocol.ts';
import { isWireTensor, type Dense, type Thrown, type Wire } from '../support/sandbox/wire.ts';
import type { ModelCall, ModelCallReport } from './model-call.ts';
import type { ModelSpec } from './models.ts';
import { callWithModelOp } from './protocol.ts';

/** The dense array of a returned tensor, or a failure saying what came back instead. */
export function fromTensor(value: Wire | undefined, what: string): Dense {
  if (!isWireTensor(value)) {
    throw new GradeFailure(`${what} is not a tf.Tensor.`, [{ label: 'it returned', body: formatValue(value) }]);
  }
  return { shape: value.$tensor.shape, data: Float64Array.from(value.$tensor.data) };
}

/** Fails on everything but the value: leaks, disposed inputs or weights, a live weight returned. */
function checkHygiene(fn: string, report: ModelCallReport, backend: string, inputName: string): void {
  if (report.brokenWeights.length > 0) {
    throw new GradeFailure(
      `${fn} disposed weights of the model (${report.brokenWeights.join(', ')}), so the model no longer works. ` +
        'A sub-model built with tf.model({ inputs, outputs }) shares its layers with the original: never dispose it (it holds no tensors of its own).',
    );
  }
  if (report.disposedInputs > 0) throw new GradeFailure(`${fn} disposed its input ${inputName}; inputs belong to the caller.`);
  if (report.returnedModelWeight) {
    throw new GradeFailure(
      `${fn} returned the layer's own weight variable, not a copy: whoever disposes the result breaks the model. Return a clone (e.g. kernel.clone()).`,
    );
  }
  if (report.returnedInput) {
    throw new GradeFailure(
      `${fn} returned its input ${inputName} itself, not a new tensor: whoever disposes the result disposes the caller's ${inputName}. Return a copy (e.g. ${inputName}.clone()).`,
    );
  }
  if (report.backendAfter !== backend) throw new GradeFailure(`${fn} switched the tfjs backend to ${report.backendAfter}; never call tf.setBackend.`);
  if (report.leaked > 0) {
    throw new GradeFailure(
      `${fn} left ${report.leaked.toLocaleString('en')} tensor${report.leaked === 1 ? '' : 's'} allocated besides its result: wrap the work in tf.tidy() or dispose intermediate tensors.`,
    );
  }
}

/** Options of {@link callWithModel}. */
export interface ModelCallOptions {
  /** Milliseconds on cpu (scaled for webgpu by the harness). Default 5000. */
  timeoutMs?: number;
  /** How the tensor argument is called in messages ('image', 'start'). */
  inputName?: string;
}

async function rawCall(ex: ExerciseGrader, fn: string, model: ModelSpec, args: Wire[], options: ModelCallOptions): Promise<ModelCallReport> {
  const request: ModelCall = { fn, model, courseDir: COURSE_MODEL_DIR, args };
  const report = await callDriver(ex, callWithModelOp, request, { timeoutMs: options.timeoutMs ?? 5000, label: fn });
  if (report.thrown?.unreadable) throw new GradeFailure(`${fn}: ${report.thrown.message}.`);
  return report;
}

/**
 * Calls `fn(model, ...args)` in the student's process on the model `model` describes and
 * returns the result as wire data, after the checks every call must pass.
 */
export async function callWithModel(ex: ExerciseGrader, fn: string, model: ModelSpec, args: Wire[], options: ModelCallOptions = {}): Promise<Wire> {
  const report = await rawCall(ex, fn, model, args, options);
  if (report.thrown !== undefined) throw thrownFailure(fn, report.thrown);
  checkHygiene(fn, report, ex.backend, options.inputName ?? 'tensor');
  return report.value;
}

/** Calls `fn(model, ...args)` where it must throw; returns what it threw. */
export async function callWithModelExpectingThrow(
  ex: ExerciseGrader,
  fn: string,
  model: ModelSpec,
  args: Wire[],
  why: string,
  options: ModelCallOptions = {},
): Promise<Thrown> {
  const report = await rawCall(ex, fn, model, args, options);
  if (report.thrown === undefined) {
    const shown = isWireTensor(report.value) ? `a tensor of shape [${report.value.$tensor.shape.join(', ')}]` : formatValue(report.value);
    throw new GradeFailure(`${fn} returned ${shown} instead of throwing ${why}.`);
  }
  if (/Remove this line and implement/.test(report.thrown.message)) throw thrownFailure(fn, report.thrown);
  checkHygiene(fn, report, ex.backend, options.inputName ?? 'tensor');
  return report.thrown;
}
