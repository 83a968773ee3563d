/**
 * Driver of exercise 01: trusted code loaded in the student's process before their module.
 * Importing it removes every tfjs convolution kernel and seals them out of the kernel registry
 * (part-e-no-conv.ts), so in Part E (im2col + one tf.matMul) tf.conv2d and friends throw
 * "Kernel 'Conv2D' not registered", even after a kernel is registered again. Its one op calls
 * conv2dMatMul with the matrix-product kernels hidden as well: an answer that comes back right
 * was computed without a matrix product. Removing capabilities replaces asking the student's
 * process which kernels it ran (a report it can forge). Parts A–D and F work on ndarrays and need no tfjs kernel; the reference runs
 * in the grader's process, whose registry is untouched. The harness snapshots the registry when
 * the student's module loads, after this import: the reduced registry is its baseline.
 */
import * as tf from '@tensorflow/tfjs';
import type { DriverOp } from '../support/sandbox/runner.ts';
import type { Wire, WireTensor } from '../support/sandbox/wire.ts';
import { matrixProductKernels, removeConvolutionKernels, whileHidden } from './part-e-no-conv.ts';
import { gradeIsolation } from '../support/settings.ts';

// In the benchmark-only in-process mode this module runs in the grader's own process, whose
// tf.conv2d is Part E's oracle: no convolution kernel is removed there (the registry is sealed
// with nothing removed, so that the matrix products can still be hidden for one call).
removeConvolutionKernels(tf, gradeIsolation.read() === 'off' ? [] : [tf.getBackend(), 'cpu', 'webgpu']);

/** Plain data of whatever the student's code threw. */
function thrownOf(error: unknown): Wire {
  return error instanceof Error ? { name: String(error.name), message: String(error.message) } : { name: typeof error, message: String(error) };
}

export const ops: Record<string, DriverOp> = {
  /**
   * { args: [x, filters, options] } → { value } or { thrown }: conv2dMatMul(...args) with tfjs's
   * matrix-product kernels hidden too (Part E: an answer that needs no matrix product comes back
   * right). The student's function is called directly, not through `context.call`, whose registry
   * check would see the hidden kernels; the op's own check runs after they are shown again.
   */
  withoutMatrixProducts: async (payload, context) => {
    const [x, filters, options] = (payload as { args: [WireTensor, WireTensor, Wire] }).args;
    const conv2dMatMul = context.student().conv2dMatMul;
    if (typeof conv2dMatMul !== 'function') return { thrown: { name: 'TypeError', message: 'your module does not export a function named conv2dMatMul' } };
    const inputs = [x, filters].map((w) => tf.tensor(w.$tensor.data, w.$tensor.shape, w.$tensor.dtype));
    const backends = [context.backend, 'cpu', 'webgpu'];
    try {
      return await whileHidden(matrixProductKernels, backends, async () => ({
        value: await context.read(conv2dMatMul(inputs[0], inputs[1], options), 'the result of conv2dMatMul'),
      }));
    } catch (error) {
      return { thrown: thrownOf(error) };
    } finally {
      tf.dispose(inputs);
    }
  },
};
