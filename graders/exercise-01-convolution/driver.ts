/**
 * Driver of exercise 01: trusted code loaded in the student's process before their module.
 * It has no ops; importing it removes every tfjs convolution kernel, so Part E (im2col + one
 * tf.matMul) cannot call tf.conv2d and friends: they throw "Kernel 'Conv2D' not registered".
 * Removing the capability replaces asking the student's process which kernels it ran (a report
 * it can forge). Parts A–D and F work on ndarrays and need no tfjs kernel; the reference runs
 * in the grader's process, whose registry is untouched.
 *
 * The harness snapshots the kernel registry when the student's module loads, i.e. after this
 * import, so the reduced registry is the baseline: re-registering a removed kernel (at import
 * or during a call) is reported as tampering and fails the test.
 */
import * as tf from '@tensorflow/tfjs';
import type { DriverOp } from '../support/sandbox/runner.ts';
import { removeConvolutionKernels } from './part-e-no-conv.ts';

removeConvolutionKernels(tf, [tf.getBackend(), 'cpu', 'webgpu']);

export const ops: Record<string, DriverOp> = {};
