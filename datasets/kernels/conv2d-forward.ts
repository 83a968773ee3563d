import type { ConvGeometry } from './conv-geometry.ts';

/**
 * True when no element is NaN or ±Infinity (decides whether skipping zero
 * terms is safe: `0 · ∞` is NaN, not 0).
 *
 * @param a - any float32 values
 * @example
 * allFinite(Float32Array.of(1, 0, -2)); // → true
 * allFinite(Float32Array.of(1, Infinity)); // → false
 */
export function allFinite(a: Float32Array): boolean {
  for (let i = 0; i < a.length; i++) if (!Number.isFinite(a[i])) return false;
  return true;
}

/**
 * NHWC 2-D cross-correlation (what deep-learning "conv" layers compute), with
 * an optional per-channel bias and ReLU fused in, as plain loops over
 * contiguous arrays.
 *
 * `y[b,oh,ow,co] = act(bias[co] + Σ_{kh,kw,ci} x[b, oh·sH − top + kh·dH, ow·sW − left + kw·dW, ci] · w[kh,kw,ci,co])`
 *
 * Why it agrees with the stock tfjs 4.22 kernels bit for bit: each output is
 * accumulated in float32 in the same order (kh, kw, ci), then the bias is added
 * and rounded once, then ReLU — as stock `Conv2D` → `Add` → `Relu` do. Input
 * zeros are skipped (after ReLU or on a dark background, many are) only when
 * every weight is finite, so `0 · ∞ = NaN` still propagates as in the stock kernel.
 *
 * @param x - input, `[batch, inH, inW, inC]` row-major
 * @param w - filter, `[filterH, filterW, inC, outC]` row-major
 * @param g - geometry (see `convGeometry`)
 * @param bias - `[outC]`, or `null`
 * @param relu - apply `max(0, ·)` after the bias
 * @returns y, `[batch, outH, outW, outC]` row-major
 * @example
 * const g = convGeometry([1, 3, 3, 1], [2, 2, 1, 1], { strides: 1, pad: 'valid' });
 * conv2dNHWC(new Float32Array(9).fill(1), new Float32Array(4).fill(1), g, null, false);
 * // → Float32Array [4, 4, 4, 4]
 */
export function conv2dNHWC(x: Float32Array, w: Float32Array, g: ConvGeometry, bias: Float32Array | null, relu: boolean): Float32Array {
  const { batch, inH, inW, inC, outH, outW, outC, filterH, filterW, strideH, strideW, dilationH, dilationW, top, left } = g;
  if (x.length !== batch * inH * inW * inC || w.length !== filterH * filterW * inC * outC || (bias !== null && bias.length !== outC)) {
    throw new Error(
      `conv2dNHWC: expected x of ${batch * inH * inW * inC}, w of ${filterH * filterW * inC * outC} and bias of ${outC} values, ` +
        `got ${x.length}, ${w.length} and ${bias === null ? 'no bias' : bias.length}`,
    );
  }
  const skipZeros = allFinite(w);
  const y = new Float32Array(batch * outH * outW * outC);
  for (let b = 0; b < batch; b++) {
    for (let oh = 0; oh < outH; oh++) {
      const rowBase = oh * strideH - top;
      for (let ow = 0; ow < outW; ow++) {
        const colBase = ow * strideW - left;
        const yOff = ((b * outH + oh) * outW + ow) * outC;
        for (let kh = 0; kh < filterH; kh++) {
          const xr = rowBase + kh * dilationH;
          if (xr < 0 || xr >= inH) continue;
          const xRowOff = (b * inH + xr) * inW;
          for (let kw = 0; kw < filterW; kw++) {
            const xc = colBase + kw * dilationW;
            if (xc < 0 || xc >= inW) continue;
            const xOff = (xRowOff + xc) * inC;
            let wOff = (kh * filterW + kw) * inC * outC;
            for (let ci = 0; ci < inC; ci++, wOff += outC) {
              const xv = x[xOff + ci];
              if (xv === 0 && skipZeros) continue;
              for (let co = 0; co < outC; co++) y[yOff + co] += xv * w[wOff + co];
            }
          }
        }
        if (bias !== null) for (let co = 0; co < outC; co++) y[yOff + co] += bias[co];
        if (relu) for (let co = 0; co < outC; co++) y[yOff + co] = Math.max(0, y[yOff + co]);
      }
    }
  }
  return y;
}
