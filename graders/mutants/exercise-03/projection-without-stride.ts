import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "the 1×1 projection ignores the block's strides, so a strides-2 block adds tensors of different sizes",
  targets: ['A', 'B', 'D', 'E'],
  edits: [{ in: 'residualBlock', find: 'norm(conv(input, filters, 1, strides, !batchNorm))', replace: 'norm(conv(input, filters, 1, 1, !batchNorm))' }],
});
