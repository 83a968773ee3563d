import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'conv2d forgets to add the bias',
  targets: ['D'],
  edits: [{ in: 'conv2d', find: 'let sum = bias === undefined ? 0 : bias.get(oc);', replace: 'let sum = 0;' }],
});
