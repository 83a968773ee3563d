/**
 * Part E's removed capability: the tfjs convolution kernels. Used by the exercise's driver (in
 * the student's process, before their module loads) and by Part E's grader (to name the kernel
 * when a submission still calls one).
 */
import type * as tfjs from '@tensorflow/tfjs';

/** Whether a kernel name is a convolution (Conv2D, FusedConv2D, DepthwiseConv2dNative, Conv3D, their gradients, …). */
export function isConvolutionKernel(name: string): boolean {
  return /conv/i.test(name);
}

/**
 * Unregisters every convolution kernel of the given backends (those registered; a backend
 * never loaded has none). Pooling, matMul and the rest stay.
 *
 * @param tf - the tfjs module of the process to change
 * @param backends - backend names, e.g. ['cpu', 'webgpu']
 * @returns the kernels removed, as 'backend/Kernel'
 * @example removeConvolutionKernels(tf, ['cpu']) → ['cpu/Conv2D', 'cpu/Conv2DBackpropFilter', …]; then tf.conv2d throws
 */
export function removeConvolutionKernels(tf: typeof tfjs, backends: string[]): string[] {
  const removed: string[] = [];
  for (const backend of new Set(backends)) {
    for (const { kernelName } of tf.getKernelsForBackend(backend)) {
      if (!isConvolutionKernel(kernelName)) continue;
      tf.unregisterKernel(kernelName, backend);
      removed.push(`${backend}/${kernelName}`);
    }
  }
  return removed;
}

/**
 * The convolution kernel named in a tfjs "Kernel 'X' not registered for backend 'y'" message,
 * or undefined.
 *
 * @example missingConvolutionKernel("Kernel 'Conv2D' not registered for backend 'cpu'") → 'Conv2D'
 */
export function missingConvolutionKernel(message: string): string | undefined {
  const name = /Kernel '([^']+)' not registered/.exec(message)?.[1];
  return name !== undefined && isConvolutionKernel(name) ? name : undefined;
}
