import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'buildResNet replaces the Conv2D kernel of the graded backend with a wrapper: parts D and E fail naming it; the block parts are still graded',
  category: 'kernels',
  edits: [
    {
      in: 'buildResNet',
      find: 'validateResNet(inputShape, numClasses);',
      replace: [
        'validateResNet(inputShape, numClasses);',
        "  const original = tf.getKernel('Conv2D', tf.getBackend());",
        '  if (original !== undefined) {',
        "    tf.unregisterKernel('Conv2D', tf.getBackend());",
        '    tf.registerKernel({ ...original, kernelFunc: (args) => original.kernelFunc(args) });',
        '  }',
      ].join('\n'),
    },
  ],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'fail', E: 'fail' },
  messages: { D: 'kernel registry' },
});
