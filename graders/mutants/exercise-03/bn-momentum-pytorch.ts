import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "BN with momentum 0.1, PyTorch's convention read as Keras's: the moving statistics move 90 % towards each batch",
  targets: ['A', 'B'],
  edits: [{ in: 'residualBlock', find: 'tf.layers.batchNormalization()', replace: 'tf.layers.batchNormalization({ momentum: 0.1 })' }],
});
