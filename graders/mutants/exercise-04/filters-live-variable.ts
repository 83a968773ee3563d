import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "getFilters returns the layer's own kernel variable (getWeights()[0]) instead of a copy",
  targets: ['A'],
  edits: [{ in: 'getFilters', find: 'return layer.getWeights()[0].clone() as tf.Tensor4D;', replace: 'return layer.getWeights()[0] as tf.Tensor4D;' }],
});
