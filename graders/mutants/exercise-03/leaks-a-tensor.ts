import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'residualBlock allocates a tensor (a zero bias it never uses) and never disposes it',
  targets: ['A', 'B', 'C'],
  edits: [
    {
      in: 'residualBlock',
      find: '  const { filters, strides, batchNorm } = validateBlock(input, options);',
      replace: '  const { filters, strides, batchNorm } = validateBlock(input, options);\n  tf.zeros([filters]);',
    },
  ],
});
