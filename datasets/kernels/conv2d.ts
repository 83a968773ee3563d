import type { KernelBackend, KernelFunc, TensorInfo } from '@tensorflow/tfjs';
import { convGeometry } from './conv-geometry.ts';
import type { ConvAttrs } from './conv-geometry.ts';
import { conv2dNHWC } from './conv2d-forward.ts';

/** Attributes of tfjs's `Conv2D` and `FusedConv2D` kernels. */
interface Conv2DKernelAttrs extends ConvAttrs {
  dataFormat: 'NHWC' | 'NCHW';
  activation?: string;
}

/** Reads a float32 tensor's values without copying (CPU backend). */
function values(backend: KernelBackend, t: TensorInfo): Float32Array {
  return backend.readSync(t.dataId) as Float32Array;
}

/**
 * Runs the fast NHWC convolution for a kernel call, or returns `null` when the
 * call is outside the fast path (NCHW, non-float32, an activation other than
 * linear/relu, a bias that is not `[outC]`, PReLU weights).
 */
function tryFast(args: Parameters<KernelFunc>[0]): TensorInfo | null {
  const { x, filter, bias, preluActivationWeights } = args.inputs;
  const attrs = args.attrs as unknown as Conv2DKernelAttrs;
  const activation = attrs.activation ?? 'linear';
  if (x === undefined || filter === undefined) return null;
  if (attrs.dataFormat !== 'NHWC' || x.dtype !== 'float32' || filter.dtype !== 'float32') return null;
  if ((activation !== 'linear' && activation !== 'relu') || preluActivationWeights !== undefined) return null;
  const g = convGeometry(x.shape, filter.shape, attrs);
  if (bias !== undefined && (bias.dtype !== 'float32' || bias.shape.length !== 1 || bias.shape[0] !== g.outC)) return null;
  const backend = args.backend as KernelBackend;
  const y = conv2dNHWC(values(backend, x), values(backend, filter), g, bias === undefined ? null : values(backend, bias), activation === 'relu');
  const shape = [g.batch, g.outH, g.outW, g.outC];
  return { dataId: backend.write(y, shape, 'float32'), shape, dtype: 'float32' };
}

/**
 * Builds the kernel function to register as `Conv2D` (inputs `{ x, filter }`)
 * or `FusedConv2D` (inputs `{ x, filter, bias?, preluActivationWeights? }`,
 * attribute `activation`) on the CPU backend. Calls outside the fast path go to
 * `fallback`, the stock kernel saved before it was unregistered.
 *
 * Both names need replacing: the stock CPU `FusedConv2D` (what tfjs-layers'
 * conv2d uses) calls the stock convolution function directly, not through the
 * kernel registry.
 *
 * @param fallback - the stock kernel function of the same name
 * @returns a kernel function: x `[b,h,w,inC]`, filter `[fh,fw,inC,outC]` → y `[b,oh,ow,outC]`
 * @example
 * const stock = tf.getKernel('FusedConv2D', 'cpu').kernelFunc;
 * tf.unregisterKernel('FusedConv2D', 'cpu');
 * tf.registerKernel({ kernelName: 'FusedConv2D', backendName: 'cpu', kernelFunc: fastConv2d(stock) });
 */
export function fastConv2d(fallback: KernelFunc): KernelFunc {
  return (args) => tryFast(args) ?? fallback(args);
}
