/**
 * tf.conv2d as an independent oracle for exercise 01 (it is not the hidden reference, so it also
 * runs in a student release). Works around tfjs 4.22's traps (measured on this course's machines): a
 * numeric padding is passed as explicit per-side padding (tfjs would size both axes from the
 * filter's height), and dilation is applied by inserting zeros into the kernel (tfjs refuses
 * stride > 1 together with dilation > 1).
 */
import { tf } from '../support/tf.ts';
import type { Dense } from '../support/sandbox/wire.ts';
import type { Options } from './cases.ts';

/** A kernel [kh, kw, Cin, Cout] with d−1 zeros inserted between taps: [d(kh−1)+1, d(kw−1)+1, Cin, Cout]. */
function dilateKernel(filters: Dense, dilation: number): Dense {
  const [kh, kw, cin, cout] = filters.shape;
  if (dilation === 1) return filters;
  const dh = dilation * (kh - 1) + 1;
  const dw = dilation * (kw - 1) + 1;
  const data = new Float64Array(dh * dw * cin * cout);
  for (let u = 0; u < kh; u++)
    for (let v = 0; v < kw; v++)
      for (let c = 0; c < cin; c++)
        for (let o = 0; o < cout; o++) data[((u * dilation * dw + v * dilation) * cin + c) * cout + o] = filters.data[((u * kw + v) * cin + c) * cout + o];
  return { shape: [dh, dw, cin, cout], data };
}

/**
 * tf.conv2d on x [N, H, W, Cin] with filters [kh, kw, Cin, Cout] and the course's options,
 * returned as a dense [N, H', W', Cout] array.
 */
export async function tfConv2d(x: Dense, filters: Dense, options: Options): Promise<Dense> {
  const stride = options.stride ?? 1;
  const padding = options.padding ?? 'valid';
  const kernel = dilateKernel(filters, options.dilation ?? 1);
  const pad: 'valid' | 'same' | [[number, number], [number, number], [number, number], [number, number]] =
    typeof padding === 'number'
      ? [
          [0, 0],
          [padding, padding],
          [padding, padding],
          [0, 0],
        ]
      : padding;
  const out = tf.tidy(() =>
    tf.conv2d(
      tf.tensor4d(Float32Array.from(x.data), x.shape as [number, number, number, number]),
      tf.tensor4d(Float32Array.from(kernel.data), kernel.shape as [number, number, number, number]),
      stride,
      pad,
    ),
  );
  const data = Float64Array.from(await out.data());
  const shape = out.shape.slice();
  out.dispose();
  return { shape, data };
}

/** tf.conv2d for one image [H, W] and kernel [kh, kw]: a dense [H', W'] array. */
export async function tfCorrelate2d(image: Dense, kernel: Dense, options: Options): Promise<Dense> {
  const [h, w] = image.shape;
  const [kh, kw] = kernel.shape;
  const out = await tfConv2d({ shape: [1, h, w, 1], data: image.data }, { shape: [kh, kw, 1, 1], data: kernel.data }, options);
  return { shape: [out.shape[1], out.shape[2]], data: out.data };
}

/** tf.conv2d for one image [H, W, Cin]: a dense [H', W', Cout] array. */
export async function tfLayer(input: Dense, filters: Dense, options: Options): Promise<Dense> {
  const out = await tfConv2d({ shape: [1, ...input.shape], data: input.data }, filters, options);
  return { shape: out.shape.slice(1), data: out.data };
}
