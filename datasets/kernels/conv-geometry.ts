import * as tf from '@tensorflow/tfjs';

/** Padding as tfjs kernels receive it: a mode, one number, or explicit NHWC pairs. */
export type ConvPad = 'valid' | 'same' | number | [[number, number], [number, number], [number, number], [number, number]];

/**
 * Everything a plain-loop NHWC convolution needs, in numbers.
 *
 * Output row `oh` reads input rows `oh * strideH - top + kh * dilationH` for
 * `kh = 0 .. filterH-1`; rows outside `[0, inH)` are zero padding.
 */
export interface ConvGeometry {
  batch: number;
  inH: number;
  inW: number;
  inC: number;
  outH: number;
  outW: number;
  outC: number;
  filterH: number;
  filterW: number;
  strideH: number;
  strideW: number;
  dilationH: number;
  dilationW: number;
  top: number;
  left: number;
}

/** The attributes tfjs hands to the 2-D convolution kernels. */
export interface ConvAttrs {
  strides: number | [number, number];
  pad: ConvPad;
  dilations?: number | [number, number];
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/**
 * NHWC convolution geometry, computed by tfjs's own `computeConv2DInfo` so that
 * output sizes and padding agree with the stock kernels in every corner
 * (including tfjs 4.22's quirk of sizing both axes from the filter height when
 * `pad` is a number).
 *
 * @param xShape - `[batch, inH, inW, inC]`
 * @param filterShape - `[filterH, filterW, inC, outC]`
 * @param attrs - strides, pad, dilations (default 1), dimRoundingMode
 * @returns the geometry; `[batch, outH, outW, outC]` is the output shape
 * @example
 * convGeometry([64, 28, 28, 1], [7, 7, 1, 8], { strides: 1, pad: 'same' })
 * // → { outH: 28, outW: 28, top: 3, left: 3, ... }
 */
export function convGeometry(xShape: readonly number[], filterShape: readonly number[], attrs: ConvAttrs): ConvGeometry {
  if (xShape.length !== 4 || filterShape.length !== 4) {
    throw new Error(
      `convGeometry: expected x of rank 4 [batch,h,w,c] and filter of rank 4 [fh,fw,inC,outC], ` +
        `got x [${xShape.join(',')}] and filter [${filterShape.join(',')}]`,
    );
  }
  const info = tf.backend_util.computeConv2DInfo(
    xShape as [number, number, number, number],
    filterShape as [number, number, number, number],
    attrs.strides,
    attrs.dilations ?? 1,
    attrs.pad,
    attrs.dimRoundingMode,
    false,
    'channelsLast',
  );
  return {
    batch: info.batchSize,
    inH: info.inHeight,
    inW: info.inWidth,
    inC: info.inChannels,
    outH: info.outHeight,
    outW: info.outWidth,
    outC: info.outChannels,
    filterH: info.filterHeight,
    filterW: info.filterWidth,
    strideH: info.strideHeight,
    strideW: info.strideWidth,
    dilationH: info.dilationHeight,
    dilationW: info.dilationWidth,
    top: info.padInfo.top,
    left: info.padInfo.left,
  };
}
