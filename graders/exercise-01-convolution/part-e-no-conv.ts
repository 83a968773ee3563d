/**
 * Part E's removed capabilities: the tfjs convolution kernels, sealed out for good, and the
 * matrix-product kernels, hidden for one call at a time (the test that conv2dMatMul needs a
 * matrix product). Used by the exercise's driver (in the student's process, before their module
 * loads) and by Part E's grader (to name the kernel when a submission still calls one).
 */
import type * as tfjs from '@tensorflow/tfjs';
import { convolutionKernelNames } from '../support/sandbox/kernel-names.ts';

/** Whether a kernel name is a convolution (Conv2D, FusedConv2D, DepthwiseConv2dNative, Conv3D, their gradients, …). */
export function isConvolutionKernel(name: string): boolean {
  return /conv/i.test(name);
}

/**
 * Unregisters every convolution kernel of the given backends (those registered; a backend
 * never loaded has none), then seals them out: tfjs's kernel registry (one Map, shared by every
 * copy of tfjs-core through `globalThis._tfGlobals`) gets its own non-writable, non-configurable
 * `get` that never finds those names, so a kernel registered again later (a second copy of
 * tfjs-backend-cpu, a hand-made one) is not found either. Pooling, matMul and the rest stay.
 * Uses only functions captured here, before the student's code runs.
 *
 * @param tf - the tfjs module of the process to change
 * @param backends - backend names, e.g. ['cpu', 'webgpu']
 * @returns the kernels removed, as tfjs registry keys 'backend_Kernel'
 * @throws Error when tfjs's kernel registry is not where tfjs 4 keeps it
 * @example removeConvolutionKernels(tf, ['cpu']) → ['cpu_Conv2D', 'cpu_Conv2DBackpropFilter', …]; then tf.conv2d throws
 */
export function removeConvolutionKernels(tf: typeof tfjs, backends: string[]): string[] {
  const registry = (globalThis as { _tfGlobals?: Map<string, unknown> })._tfGlobals?.get('kernelRegistry');
  if (!(registry instanceof Map))
    throw new Error("removeConvolutionKernels: expected tfjs's kernel registry (a Map) at globalThis._tfGlobals.get('kernelRegistry'), found none");
  const removed = new Set<string>();
  for (const backend of new Set(backends)) {
    for (const { kernelName } of tf.getKernelsForBackend(backend)) {
      if (!isConvolutionKernel(kernelName)) continue;
      tf.unregisterKernel(kernelName, backend);
      removed.add(`${backend}_${kernelName}`);
    }
    // Sealed even where not registered yet, so that registering it later cannot help.
    for (const kernelName of convolutionKernelNames) removed.add(`${backend}_${kernelName}`);
  }
  const apply = Reflect.apply;
  const get = Map.prototype.get;
  const has = Set.prototype.has;
  Object.defineProperty(registry, 'get', {
    value: (key: unknown): unknown => (apply(has, removed, [key]) || apply(has, hidden, [key]) ? undefined : apply(get, registry, [key])),
    writable: false,
    configurable: false,
    enumerable: false,
  });
  return [...removed];
}

// Registry keys hidden for the duration of one call (see whileHidden); empty otherwise. Module
// state of the driver's bundle: the student's code cannot reach it.
const hidden = new Set<string>();

/**
 * Runs `run` with the given kernels hidden from tfjs's registry on every backend named (after
 * {@link removeConvolutionKernels} has sealed the registry's `get`), and shows them again after,
 * whatever `run` does. Nothing is unregistered, so the harness sees no registry change.
 *
 * @param kernels - kernel names, e.g. ['BatchMatMul']
 * @param backends - backend names, e.g. ['cpu', 'webgpu']
 * @example await whileHidden(['BatchMatMul'], ['cpu'], () => call()) // tf.matMul throws "Kernel 'BatchMatMul' not registered" inside
 */
export async function whileHidden<T>(kernels: string[], backends: string[], run: () => Promise<T>): Promise<T> {
  const keys = backends.flatMap((backend) => kernels.map((kernel) => `${backend}_${kernel}`));
  for (const key of keys) hidden.add(key);
  try {
    return await run();
  } finally {
    for (const key of keys) hidden.delete(key);
  }
}

/** tfjs 4.22's kernels that multiply matrices: tf.matMul, tf.dot and tf.outerProduct run BatchMatMul; tf.einsum runs Einsum. */
export const matrixProductKernels = ['BatchMatMul', '_FusedMatMul', 'Einsum'];

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
