import type { KernelFunc, KernelBackend, TensorInfo } from '@tensorflow/tfjs';
import { convGeometry } from './conv-geometry.ts';
import { allFinite } from './conv2d-forward.ts';
import type { ConvAttrs, ConvGeometry } from './conv-geometry.ts';

/**
 * Gradient of an NHWC convolution with respect to its filter, as plain loops
 * over contiguous arrays.
 *
 * `dW[kh,kw,ci,co] = Σ_{b,oh,ow} x[b, oh·sH − top + kh·dH, ow·sW − left + kw·dW, ci] · dy[b,oh,ow,co]`
 * (out-of-range input positions count as zero padding).
 *
 * Why it is fast: the stock tfjs 4.22 kernel reads through `TensorBuffer.get`
 * (an index computation and bounds check per term); this one walks `x` and `dy`
 * once, in memory order, into a small accumulator that stays in cache, and skips
 * output positions whose `dy` row is all zero (after ReLU + global max pooling
 * almost all of them) — only when `x` is all finite, so that `∞ · 0 = NaN`
 * still propagates as in the stock kernel.
 *
 * Why it agrees with the stock kernel bit for bit (dilation 1): both accumulate
 * every filter element in a float64, in the same order (b, oh, ow), and round
 * to float32 once at the end. Skipped zero terms do not change a sum.
 *
 * @param x - input, `[batch, inH, inW, inC]` row-major
 * @param dy - output gradient, `[batch, outH, outW, outC]` row-major
 * @param g - the convolution's geometry (see {@link convGeometry})
 * @returns dW, `[filterH, filterW, inC, outC]` row-major
 * @example
 * const g = convGeometry([1, 3, 3, 1], [2, 2, 1, 1], { strides: 1, pad: 'valid' });
 * conv2dBackpropFilterNHWC(new Float32Array(9).fill(1), new Float32Array(4).fill(1), g);
 * // → Float32Array [4, 4, 4, 4]
 */
export function conv2dBackpropFilterNHWC(x: Float32Array, dy: Float32Array, g: ConvGeometry): Float32Array {
  const { batch, inH, inW, inC, outH, outW, outC, filterH, filterW, strideH, strideW, dilationH, dilationW, top, left } = g;
  if (x.length !== batch * inH * inW * inC || dy.length !== batch * outH * outW * outC) {
    throw new Error(
      `conv2dBackpropFilterNHWC: expected x of ${batch * inH * inW * inC} and dy of ${batch * outH * outW * outC} values ` +
        `for x [${batch},${inH},${inW},${inC}] and dy [${batch},${outH},${outW},${outC}], got ${x.length} and ${dy.length}`,
    );
  }
  const tapStride = inC * outC;
  const acc = new Float64Array(filterH * filterW * tapStride);
  const skipZeroRows = allFinite(x);
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < outH; oh++) {
      const rowBase = oh * strideH - top;
      for (let ow = 0; ow < outW; ow++) {
        const dyOff = ((b * outH + oh) * outW + ow) * outC;
        let nonZero = !skipZeroRows;
        for (let co = 0; co < outC && !nonZero; co++) {
          if (dy[dyOff + co] !== 0) nonZero = true;
        }
        if (!nonZero) continue;
        const colBase = ow * strideW - left;
        for (let kh = 0; kh < filterH; kh++) {
          const xr = rowBase + kh * dilationH;
          if (xr < 0 || xr >= inH) continue;
          const xRowOff = (b * inH + xr) * inW;
          for (let kw = 0; kw < filterW; kw++) {
            const xc = colBase + kw * dilationW;
            if (xc < 0 || xc >= inW) continue;
            const xOff = (xRowOff + xc) * inC;
            let a = (kh * filterW + kw) * tapStride;
            for (let ci = 0; ci < inC; ci++) {
              const xv = x[xOff + ci];
              for (let co = 0; co < outC; co++) acc[a + co] += xv * dy[dyOff + co];
              a += outC;
            }
          }
        }
      }
    }
  }
  return Float32Array.from(acc);
}

/** Attributes of tfjs's `Conv2DBackpropFilter` kernel (dilations are never sent by tfjs 4.22 but honoured here). */
interface BackpropFilterAttrs extends ConvAttrs {
  dataFormat: 'NHWC' | 'NCHW';
  filterShape: [number, number, number, number];
}

/**
 * Builds the kernel function to register as `Conv2DBackpropFilter` on the CPU
 * backend. NCHW data and non-float32 inputs (which the fast path does not cover)
 * go to `fallback`, the stock kernel saved before it was unregistered.
 *
 * @param fallback - the stock kernel function
 * @returns a {@link KernelFunc}: inputs `{ x: [b,h,w,inC], dy: [b,oh,ow,outC] }` → dW `[fh,fw,inC,outC]`
 * @example
 * const stock = tf.getKernel('Conv2DBackpropFilter', 'cpu').kernelFunc;
 * tf.unregisterKernel('Conv2DBackpropFilter', 'cpu');
 * tf.registerKernel({ kernelName: 'Conv2DBackpropFilter', backendName: 'cpu', kernelFunc: fastConv2dBackpropFilter(stock) });
 */
export function fastConv2dBackpropFilter(fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { x, dy } = args.inputs;
    const attrs = args.attrs as unknown as BackpropFilterAttrs;
    if (x === undefined || dy === undefined) {
      throw new Error(`Conv2DBackpropFilter: expected inputs { x, dy }, got ${Object.keys(args.inputs).join(', ')}`);
    }
    if (attrs.dataFormat !== 'NHWC' || x.dtype !== 'float32' || dy.dtype !== 'float32') return fallback(args);
    const backend = args.backend as KernelBackend;
    const g = convGeometry(x.shape, attrs.filterShape, attrs);
    const expected = [g.batch, g.outH, g.outW, g.outC];
    if (dy.shape.join() !== expected.join()) {
      throw new Error(
        `Conv2DBackpropFilter: expected dy of shape [${expected.join(',')}] for x [${x.shape.join(',')}] and ` +
          `filter [${attrs.filterShape.join(',')}], got [${dy.shape.join(',')}]`,
      );
    }
    const dW = conv2dBackpropFilterNHWC(backend.readSync(x.dataId) as Float32Array, backend.readSync(dy.dataId) as Float32Array, g);
    const shape = [...attrs.filterShape];
    const out: TensorInfo = { dataId: backend.write(dW, shape, 'float32'), shape, dtype: 'float32' };
    return out;
  };
}
