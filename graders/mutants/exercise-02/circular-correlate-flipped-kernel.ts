import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'circularCorrelate2d flips the kernel (true convolution instead of cross-correlation)',
  targets: ['B'],
  edits: [{ in: 'circularCorrelate2d', find: 'kernel.get(u, v)', replace: 'kernel.get(kh - 1 - u, kw - 1 - v)' }],
});
