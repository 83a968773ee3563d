import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'the second 3×3 convolution takes the strides instead of the first one',
  targets: ['A', 'B'],
  edits: [
    {
      in: 'residualBlock',
      find: 'let main = norm(conv(input, filters, 3, strides, !batchNorm));',
      replace: 'let main = norm(conv(input, filters, 3, 1, !batchNorm));',
    },
    { in: 'residualBlock', find: 'main = norm(conv(main, filters, 3, 1, !batchNorm));', replace: 'main = norm(conv(main, filters, 3, strides, !batchNorm));' },
  ],
});
