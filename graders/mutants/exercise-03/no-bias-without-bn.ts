import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'every convolution drops its bias, also with batchNorm: false where no BN provides the shift',
  targets: ['A', 'B'],
  edits: [
    {
      find: "tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', useBias })",
      replace: "tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', useBias: false })",
    },
  ],
});
