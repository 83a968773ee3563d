import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'strideCounterexample shifts by 2 pixels: a multiple of the stride, for which stride 2 IS equivariant',
  targets: ['E'],
  edits: [{ in: 'strideCounterexample', find: 'return { image, kernel, dy: 1, dx: 0 };', replace: 'return { image, kernel, dy: 2, dx: 0 };' }],
  backends: ['cpu', 'webgpu'],
});
