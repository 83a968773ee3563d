import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "conv2dBackward keeps only the last position's gradient for the bias instead of summing over positions",
  targets: ['F'],
  edits: [{ in: 'conv2dBackward', find: 'dBias.set(oc, dBias.get(oc) + g);', replace: 'dBias.set(oc, g);' }],
});
