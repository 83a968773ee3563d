import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'at import, re-registers the cpu BatchMatMul kernel (a wrapper that could change results without being seen)',
  category: 'kernels',
  edits: [
    {
      append: [
        "const original = tf.getKernel('BatchMatMul', 'cpu');",
        'if (original !== undefined) {',
        "  tf.unregisterKernel('BatchMatMul', 'cpu');",
        '  tf.registerKernel({ ...original, kernelFunc: (args) => { const out = original.kernelFunc(args) as tf.TensorInfo; return out; } });',
        '}',
      ].join('\n'),
    },
  ],
  expect: { A: 'fail', B: 'fail', C: 'fail', D: 'fail', E: 'fail', F: 'fail' },
  messages: { A: 'kernel registry', E: 'kernel registry' },
});
