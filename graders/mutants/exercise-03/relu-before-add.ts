import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'the ReLU is applied to the main path before the addition instead of after it',
  targets: ['A', 'B', 'C'],
  edits: [
    {
      in: 'residualBlock',
      find: 'return apply(tf.layers.reLU(), apply(tf.layers.add(), [main, shortcut]));',
      replace: 'return apply(tf.layers.add(), [apply(tf.layers.reLU(), main), shortcut]);',
    },
  ],
});
