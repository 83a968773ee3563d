import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'the dense head has no softmax: it returns logits, not probabilities',
  targets: ['D'],
  edits: [{ in: 'buildResNet', find: "tf.layers.dense({ units: numClasses, activation: 'softmax' })", replace: 'tf.layers.dense({ units: numClasses })' }],
});
