import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "a wrong-rank error that says only what was expected ('expected image of rank 2'), not the rank or shape given",
  targets: ['B', 'D'],
  edits: [{ find: " ${layout}, got shape [${array.shape.join(', ')}].`", replace: ' ${layout}.`' }],
});
