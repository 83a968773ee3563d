import { defineMutant } from '../../support/mutants/define.ts';

// The right values without the method: each image is read out of its tensor and convolved in
// plain JavaScript (Part D's conv2d). Part E must notice that no matrix product is needed.
export default defineMutant({
  description: 'conv2dMatMul reads the tensors and convolves each image in plain JavaScript (Part D’s conv2d): right values, no tf.matMul',
  targets: ['E'],
  edits: [
    {
      replaceFunction: 'conv2dMatMul',
      with: `export function conv2dMatMul(x: tf.Tensor4D, filters: tf.Tensor4D, options?: ConvOptions): tf.Tensor4D {
  const [n, h, w, cin] = x.shape;
  const f = ndarray(Float64Array.from(filters.dataSync()), filters.shape.slice());
  const data = x.dataSync();
  const images = Array.from({ length: n }, (_, b) => conv2d(ndarray(Float64Array.from(data.subarray(b * h * w * cin, (b + 1) * h * w * cin)), [h, w, cin]), f, undefined, options));
  const [oh, ow, cout] = images[0].shape;
  const out = new Float32Array(n * oh * ow * cout);
  images.forEach((image, b) => out.set(Float32Array.from(image.data as Float64Array), b * oh * ow * cout));
  return tf.tensor4d(out, [n, oh, ow, cout]);
}`,
    },
  ],
});
