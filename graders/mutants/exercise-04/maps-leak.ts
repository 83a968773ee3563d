import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'activationMaps forgets tf.tidy: the batched input and output leak',
  targets: ['C'],
  edits: [
    { in: 'activationMaps', find: '  return tf.tidy(() => {\n    const batch', replace: '  return (() => {\n    const batch' },
    { in: 'activationMaps', find: 'return batch.squeeze([0]) as tf.Tensor3D;\n  });', replace: 'return batch.squeeze([0]) as tf.Tensor3D;\n  })();' },
  ],
  backends: ['cpu', 'webgpu'],
});
