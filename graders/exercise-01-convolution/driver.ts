/**
 * Driver of exercise 01: trusted code loaded in the student's process before their module.
 * It has no ops; importing it removes every tfjs convolution kernel and seals them out of the
 * kernel registry (part-e-no-conv.ts), so in Part E (im2col + one tf.matMul) tf.conv2d and
 * friends throw "Kernel 'Conv2D' not registered", even after a kernel is registered again.
 * Removing the capability replaces asking the student's process which kernels it ran (a report
 * it can forge). Parts A–D and F work on ndarrays and need no tfjs kernel; the reference runs
 * in the grader's process, whose registry is untouched. The harness snapshots the registry when
 * the student's module loads, after this import: the reduced registry is its baseline.
 */
import * as tf from '@tensorflow/tfjs';
import type { DriverOp } from '../support/sandbox/runner.ts';
import { removeConvolutionKernels } from './part-e-no-conv.ts';
import { gradeIsolation } from '../support/settings.ts';

// In the benchmark-only in-process mode this module runs in the grader's own process, whose
// tf.conv2d is Part E's oracle: nothing is removed there (and Part E's method goes unchecked).
if (gradeIsolation.read() !== 'off') removeConvolutionKernels(tf, [tf.getBackend(), 'cpu', 'webgpu']);

export const ops: Record<string, DriverOp> = {};
