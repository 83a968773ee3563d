import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "convolve2d rotates the caller's kernel in place before correlating (mutates its input)",
  targets: ['C'],
  edits: [
    {
      replaceFunction: 'convolve2d',
      with: `export function convolve2d(image: NdArray, kernel: NdArray, options?: ConvOptions): NdArray {
  const [kh, kw] = kernel.shape;
  const values: number[] = [];
  for (let u = 0; u < kh; u++) for (let v = 0; v < kw; v++) values.push(kernel.get(u, v));
  values.reverse();
  for (let u = 0; u < kh; u++) for (let v = 0; v < kw; v++) kernel.set(u, v, values[u * kw + v]);
  return correlate2d(image, kernel, options);
}`,
    },
  ],
});
