/**
 * Exercise 03's driver ops, typed: imported by its driver (student's process) and its graders.
 * Every answer is an {@link Outcome}: the op's result, or what went wrong in the student's code
 * (`check.ts` `expectRan` turns the latter into a failure). The answers come from the student's
 * process, so the grader still checks their content (`rebuild-network.ts` `readSerialised`, `check.ts` `dense`).
 */
import { protocol } from '../support/sandbox/driver-protocol.ts';
import type { Thrown, Wire, WireTensor } from '../support/sandbox/wire.ts';
import type { MovingStats } from './tf-model.ts';
import type { BlockWeights } from './weights.ts';

/** What the student's code threw, with the step it was in (e.g. 'residualBlock', "buildResNet's model.toJSON"). */
export type DriverThrown = Thrown & { during?: string };

/**
 * An op's answer: its result with `leaked` (tensors left allocated after everything was
 * disposed), or `thrown` (the student's code threw), or `problem` (the block's layers do not fit the roles).
 */
export type Outcome<Result> =
  | (Result & { leaked: number; thrown?: undefined; problem?: undefined })
  | { thrown: DriverThrown; problem?: undefined; leaked?: undefined }
  | { problem: string; thrown?: undefined; leaked?: undefined };

/** A model as data: its class, `model.toJSON(null, false)` and every weight in `model.weights` order. */
export interface ModelData {
  className: string;
  /** Keras-style `{ class_name, config }`; checked by the grader before it rebuilds anything. */
  topology: unknown;
  weights: { name: string; value: WireTensor }[];
}

/** The student's block on `tf.input({ shape: inputShape })`; `options` go to residualBlock as they are (Part A sends invalid ones on purpose). */
export interface BlockRequest {
  inputShape: number[];
  options: Wire;
  /** Seeds Math.random while the op runs (tfjs's weight initialisers). */
  seed: number;
}

/** The block with every role's weights set, applied to `x` (in training mode: batch statistics). */
export interface RunBlockRequest extends BlockRequest {
  weights: BlockWeights;
  x: WireTensor;
  training: boolean;
}

/** The block's output, and in training mode the moving statistics after the update. */
export interface BlockRun {
  output: WireTensor;
  movingStats?: MovingStats;
}

/** buildResNet(inputShape, numClasses); default [14, 14, 1] and 4 (Part E's network). */
export interface ResNetRequest {
  inputShape?: number[];
  numClasses?: number;
  seed: number;
}

/** { inputShape, options, seed } → the student's block as data (Parts A and C rebuild it). */
export const exportBlockOp = protocol<BlockRequest, Outcome<ModelData>>('exportBlock');

/** { inputShape, options, weights, x, training, seed } → the block's output (Part B). */
export const runBlockOp = protocol<RunBlockRequest, Outcome<BlockRun>>('runBlock');

/** { inputShape?, numClasses?, seed } → the student's network as data (Parts D and E rebuild it). */
export const exportResNetOp = protocol<ResNetRequest, Outcome<ModelData>>('exportResNet');
