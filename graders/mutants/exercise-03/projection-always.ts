import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'every block projects its shortcut, even when the shape is unchanged (extra parameters; the block is no longer the identity at initialisation)',
  targets: ['A', 'C'],
  edits: [{ in: 'residualBlock', find: 'const project = strides !== 1 || input.shape[3] !== filters;', replace: 'const project = true;' }],
});
