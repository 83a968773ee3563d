import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "activationMaps disposes its truncated model to 'clean up', which disposes the shared layers of the original",
  targets: ['C'],
  edits: [
    {
      in: 'activationMaps',
      find: '  return tf.tidy(() => {\n    const batch = truncate(model, layer).predict(image.expandDims(0)) as tf.Tensor4D;\n    return batch.squeeze([0]) as tf.Tensor3D;\n  });',
      replace:
        '  const sub = truncate(model, layer);\n  const maps = tf.tidy(() => (sub.predict(image.expandDims(0)) as tf.Tensor4D).squeeze([0]) as tf.Tensor3D);\n  sub.dispose();\n  return maps;',
    },
  ],
});
