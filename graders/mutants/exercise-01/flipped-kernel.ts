import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'correlate2d flips the kernel: it computes true convolution (article errata #5, backwards)',
  targets: ['B'],
  edits: [{ in: 'correlate2d', find: 'kernel.get(u, v)', replace: 'kernel.get(kh - 1 - u, kw - 1 - v)' }],
});
