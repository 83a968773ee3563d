import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'maximizeActivation forgets tf.tidy in the loop: each step leaks the gradient and the scaled step',
  targets: ['D'],
  edits: [
    {
      in: 'maximizeActivation',
      find: 'const next = tf.tidy(() => image.add(gradient(image).mul(learningRate))) as tf.Tensor3D;',
      replace: 'const next = image.add(gradient(image).mul(learningRate)) as tf.Tensor3D;',
    },
  ],
});
