import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'the 7×7 stem convolution has strides 1 (as in the seed: article errata #11); the parameter count is unchanged',
  targets: ['D'],
  edits: [{ in: 'buildResNet', find: 'conv(input, 64, 7, 2, false)', replace: 'conv(input, 64, 7, 1, false)' }],
});
