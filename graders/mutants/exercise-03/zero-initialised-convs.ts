import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "every convolution starts from zeros (kernelInitializer: 'zeros'): all features are 0 and only the head's bias can learn",
  targets: ['E'],
  edits: [
    {
      find: "tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', useBias })",
      replace: "tf.layers.conv2d({ filters, kernelSize, strides, padding: 'same', useBias, kernelInitializer: 'zeros' })",
    },
  ],
  exactly: true,
});
