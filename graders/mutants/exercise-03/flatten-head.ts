import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'flatten instead of global average pooling before the dense head (the head then depends on the input size)',
  targets: ['D'],
  edits: [{ in: 'buildResNet', find: 'apply(tf.layers.globalAveragePooling2d({}), x)', replace: 'apply(tf.layers.flatten(), x)' }],
});
