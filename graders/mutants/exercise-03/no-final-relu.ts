import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'the block returns main + shortcut without the final ReLU (as the seed does: article errata #10)',
  targets: ['A', 'B', 'C'],
  edits: [
    {
      in: 'residualBlock',
      find: 'return apply(tf.layers.reLU(), apply(tf.layers.add(), [main, shortcut]));',
      replace: 'return apply(tf.layers.add(), [main, shortcut]);',
    },
  ],
});
