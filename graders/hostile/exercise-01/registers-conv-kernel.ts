import { defineHostile } from '../../support/mutants/define.ts';

// Part E's grader removes the convolution kernels before the module loads; registering one back
// (here a stand-in Conv2D, to call tf.conv2d) changes the kernel registry and is reported.
export default defineHostile({
  description: 'at import, registers a Conv2D kernel of its own on the active backend, so tf.conv2d works again in Part E',
  category: 'kernels',
  edits: [
    {
      append: [
        "if (tf.getKernel('Conv2D', tf.getBackend()) === undefined) {",
        "  tf.registerKernel({ kernelName: 'Conv2D', backendName: tf.getBackend(), kernelFunc: () => { throw new Error('stand-in Conv2D'); } });",
        '}',
      ].join('\n'),
    },
  ],
  expect: { A: 'fail', B: 'fail', C: 'fail', D: 'fail', E: 'fail', F: 'fail' },
  messages: { A: 'kernel registry', E: 'Conv2D' },
});
