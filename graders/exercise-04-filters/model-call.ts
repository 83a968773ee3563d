/**
 * What the grader sends to the driver's `callWithModel` op and what comes back: plain data on
 * both sides of the process boundary (no runtime imports, so the driver bundle stays small).
 */
import type { Thrown, Wire } from '../support/sandbox/wire.ts';
import type { ModelSpec } from './models.ts';

/** Call `fn(model, ...args)` of the student's module on the model `model` describes. */
export interface ModelCall {
  [key: string]: Wire;
  fn: string;
  model: ModelSpec;
  /** Where the course model is stored (an absolute path; never part of a reference key). */
  courseDir: string;
  /** The arguments after the model, as wire data (tensors are rebuilt in the student's process). */
  args: Wire[];
}

/** What happened in one such call. */
export interface ModelCallReport {
  [key: string]: Wire;
  /** The result read with `await data()` (absent when the call threw). */
  value?: Wire;
  thrown?: Thrown & { [key: string]: Wire };
  /** New tensors left allocated, other than the one returned. */
  leaked: number;
  /** How many input tensors (image, start) the call disposed. */
  disposedInputs: number;
  /** Weights of the model that were disposed during the call (e.g. by disposing a sub-model). */
  brokenWeights: string[];
  /** The result is one of the model's own weight variables rather than a copy. */
  returnedModelWeight: boolean;
  /** The result is one of the caller's input tensors itself (image, start) rather than a copy. */
  returnedInput: boolean;
  backendAfter: string;
  ms: number;
}
