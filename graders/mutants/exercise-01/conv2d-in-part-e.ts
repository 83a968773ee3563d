import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'conv2dMatMul calls tf.conv2d instead of building im2col + matMul (right values, wrong method)',
  targets: ['E'],
  edits: [
    {
      replaceFunction: 'conv2dMatMul',
      with: `export function conv2dMatMul(x: tf.Tensor4D, filters: tf.Tensor4D, options?: ConvOptions): tf.Tensor4D {
  const o = resolveOptions('conv2dMatMul', options);
  const p = o.padding;
  const pad: 'valid' | 'same' | [[number, number], [number, number], [number, number], [number, number]] =
    typeof p === 'number' ? [[0, 0], [p, p], [p, p], [0, 0]] : p;
  if (o.dilation > 1 && o.stride > 1) throw new Error('tfjs cannot do stride and dilation together');
  return tf.conv2d(x, filters, o.stride, pad, 'NHWC', o.dilation);
}`,
    },
  ],
  backends: ['cpu', 'webgpu'],
});
