import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'residualBlock accepts strides 3 (tfjs builds it) instead of throwing',
  targets: ['A'],
  edits: [{ find: '  if (strides !== 1 && strides !== 2) fail(fn, `expected strides to be 1 or 2, got ${show(strides)}.`);\n', replace: '' }],
});
