import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'conv2dMatMul forgets tf.tidy: every intermediate tensor (pad, slices, concat, reshapes) leaks',
  targets: ['E'],
  edits: [
    { in: 'conv2dMatMul', find: 'return tf.tidy(() => {', replace: 'return (() => {' },
    { in: 'conv2dMatMul', find: 'as tf.Tensor4D;\n  });', replace: 'as tf.Tensor4D;\n  })();' },
  ],
  backends: ['cpu', 'webgpu'],
});
