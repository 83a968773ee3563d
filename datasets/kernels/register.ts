import * as tf from '@tensorflow/tfjs';
import type { KernelFunc } from '@tensorflow/tfjs';
import { fastConv2dBackpropFilter } from './conv2d-backprop-filter.ts';
import { fastConv2d } from './conv2d.ts';

/** Kernel name → factory taking the stock kernel (the fallback) and returning the fast one. */
const FAST_KERNELS: ReadonlyArray<readonly [string, (stock: KernelFunc) => KernelFunc]> = [
  ['Conv2DBackpropFilter', fastConv2dBackpropFilter],
  ['Conv2D', fastConv2d],
  ['FusedConv2D', fastConv2d],
];

/** The stock CPU kernels we replaced, by kernel name, kept for fallbacks and tests. */
const stockKernels = new Map<string, KernelFunc>();
/** The fast kernels we registered, to recognise our own registration. */
const fastKernels = new Map<string, KernelFunc>();

/**
 * Replaces tfjs 4.22's slow CPU convolution-gradient kernels with the fast
 * ones in `datasets/kernels/` through tfjs's public kernel registry. Affects the
 * `cpu` backend of this process only; idempotent (a second call does nothing).
 *
 * Replaced (measured per training step of the course model, batch 32, 2 cores):
 * `Conv2DBackpropFilter` (stock ≈ 3.2 s, fast ≈ 1 ms), `Conv2D` and
 * `FusedConv2D` (stock ≈ 75 ms, fast ≈ 33 ms; both names, because the stock
 * `FusedConv2D` calls the stock convolution directly). `Conv2DBackpropInput`
 * is left alone: the stock kernel already uses flat loops (≈ the forward cost).
 * Each fast kernel hands calls it does not cover (NCHW, non-float32, other
 * fused activations) to the stock kernel it replaced.
 *
 * @example
 * import { registerFastConvKernels } from './datasets/index.ts';
 * registerFastConvKernels();
 * await model.fit(xs, ys); // conv filter gradients now take milliseconds
 */
export function registerFastConvKernels(): void {
  for (const [name, make] of FAST_KERNELS) {
    const current = tf.getKernel(name, 'cpu') as ReturnType<typeof tf.getKernel> | undefined;
    if (current !== undefined && current.kernelFunc === fastKernels.get(name)) continue;
    if (current === undefined) {
      throw new Error(`registerFastConvKernels: expected a stock '${name}' kernel on the cpu backend, found none`);
    }
    stockKernels.set(name, current.kernelFunc);
    const fast = make(current.kernelFunc);
    fastKernels.set(name, fast);
    tf.unregisterKernel(name, 'cpu');
    tf.registerKernel({ kernelName: name, backendName: 'cpu', kernelFunc: fast });
  }
}

/**
 * The stock CPU kernel function that {@link registerFastConvKernels} replaced
 * (or, before any replacement, the one registered now): the oracle for tests.
 *
 * @param name - a kernel name such as `'Conv2DBackpropFilter'`
 * @returns the stock kernel function
 * @example
 * const stock = stockKernel('Conv2DBackpropFilter');
 * const dW = stock({ inputs: { x, dy }, backend: tf.backend(), attrs });
 */
export function stockKernel(name: string): KernelFunc {
  const saved = stockKernels.get(name);
  if (saved !== undefined) return saved;
  const current = tf.getKernel(name, 'cpu') as ReturnType<typeof tf.getKernel> | undefined;
  if (current === undefined) throw new Error(`stockKernel: expected a '${name}' kernel on the cpu backend, found none`);
  return current.kernelFunc;
}
