import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "the stem's max-pool uses padding 'valid' (⌊(n − 3)/2⌋ + 1 instead of ⌈n/2⌉)",
  targets: ['D'],
  edits: [
    {
      in: 'buildResNet',
      find: "tf.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'same' })",
      replace: "tf.layers.maxPooling2d({ poolSize: 3, strides: 2, padding: 'valid' })",
    },
  ],
});
