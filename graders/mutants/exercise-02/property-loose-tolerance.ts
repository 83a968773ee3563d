import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'the properties compare with a relative tolerance of 1e-2, so small violations (a 2e-3 error at one pixel) pass',
  targets: ['C'],
  edits: [{ find: 'const relativeTolerance = 1e-6;', replace: 'const relativeTolerance = 1e-2;' }],
});
