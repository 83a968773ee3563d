import { defineMutant } from '../../support/mutants/define.ts';

// Part E rebuilds the network in the grader from model.toJSON() with tfjs's own classes only.
export default defineMutant({
  description:
    "buildResNet's stem ReLU is a custom layer class (registered with tf.serialization.registerClass): the same function, but not a network the grader can rebuild",
  targets: ['E'],
  edits: [
    { in: 'buildResNet', find: 'x = apply(tf.layers.reLU(), x);', replace: 'x = apply(new StemReLU({}), x);' },
    {
      append: [
        'class StemReLU extends tf.layers.Layer {',
        "  static className = 'StemReLU';",
        '  call(inputs: tf.Tensor | tf.Tensor[]): tf.Tensor {',
        '    return tf.relu(Array.isArray(inputs) ? inputs[0] : inputs);',
        '  }',
        '}',
        'tf.serialization.registerClass(StemReLU);',
      ].join('\n'),
    },
  ],
});
