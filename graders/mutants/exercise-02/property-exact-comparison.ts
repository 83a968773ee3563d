import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'the properties compare with === (no tolerance), so float rounding noise counts as a violation',
  targets: ['C', 'D'],
  edits: [{ find: 'const relativeTolerance = 1e-6;', replace: 'const relativeTolerance = 0;' }],
});
