import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'batchNorm defaults to false when the option is left out',
  targets: ['A', 'B'],
  edits: [{ find: 'const { filters, strides = 1, batchNorm = true } = options;', replace: 'const { filters, strides = 1, batchNorm = false } = options;' }],
});
