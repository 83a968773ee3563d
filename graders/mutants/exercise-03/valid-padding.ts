import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "convolutions with padding 'valid' (no padding, as in the seed): each 3×3 conv shrinks H and W by 2 (article errata #8)",
  targets: ['A', 'B', 'C', 'D', 'E'],
  edits: [
    {
      find: "tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', useBias })",
      replace: "tf.layers.conv2d({ filters, kernelSize, strides, padding: 'valid', useBias })",
    },
  ],
});
