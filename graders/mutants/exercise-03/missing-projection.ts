import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'the shortcut is always the identity, even across a change of channels or strides (article errata #9)',
  targets: ['A', 'B', 'D', 'E'],
  edits: [{ in: 'residualBlock', find: 'const project = strides !== 1 || input.shape[3] !== filters;', replace: 'const project = false;' }],
});
