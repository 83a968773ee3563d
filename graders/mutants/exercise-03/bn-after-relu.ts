import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'BN in the wrong place: the first half of the main path is conv → ReLU → BN instead of conv → BN → ReLU',
  targets: ['A', 'B'],
  edits: [
    {
      in: 'residualBlock',
      find: 'let main = norm(conv(input, filters, 3, strides, !batchNorm));\n  main = apply(tf.layers.reLU(), main);',
      replace: 'let main = apply(tf.layers.reLU(), conv(input, filters, 3, strides, !batchNorm));\n  main = norm(main);',
    },
  ],
});
