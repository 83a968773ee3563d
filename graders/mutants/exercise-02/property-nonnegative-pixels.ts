import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'the properties draw pixel values in [0, 10] only, like a photo — but ops can misbehave on negative values',
  targets: ['C'],
  edits: [{ find: 'const pixel = fc.double({ min: -10, max: 10, noNaN: true });', replace: 'const pixel = fc.double({ min: 0, max: 10, noNaN: true });' }],
});
