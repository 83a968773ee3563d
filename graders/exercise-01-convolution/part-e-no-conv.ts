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
    value: (key: unknown): unknown => (apply(has, removed, [key]) ? undefined : apply(get, registry, [key])),
    writable: false,
    configurable: false,
    enumerable: false,
  });
  return [...removed];
}

/** tfjs 4.22's convolution kernel names (every backend uses the same names). */
const convolutionKernelNames = [
  'Conv2D',
  'Conv2DBackpropFilter',
  'Conv2DBackpropInput',
  'Conv3D',
  'Conv3DBackpropFilterV2',
  'Conv3DBackpropInputV2',
  'DepthwiseConv2dNative',
  'DepthwiseConv2dNativeBackpropFilter',
  'DepthwiseConv2dNativeBackpropInput',
  'FusedConv2D',
  'FusedDepthwiseConv2D',
];

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
