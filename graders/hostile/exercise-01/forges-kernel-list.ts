import { defineHostile } from '../../support/mutants/define.ts';

// The attack of issue 13: conv2dMatMul calls tf.conv2d and wraps process.send so that the kernel
// list it reports hides Conv2D (3/3 when Part E read that list). The kernels are now removed
// from the student's tfjs before the module loads, so the call itself throws.
export default defineHostile({
  description: 'conv2dMatMul answers with tf.conv2d (its patch matMul runs for show) and wraps process.send to drop Conv2D from the kernel list it reports',
  category: 'forged-report',
  edits: [
    {
      // The patches and their matMul still run (for show); the answer comes from tf.conv2d.
      in: 'conv2dMatMul',
      find: 'return product.reshape([n, rows.out, cols.out, cout]) as tf.Tensor4D;',
      replace: "return tf.conv2d(padded, filters, o.stride, 'valid', 'NHWC', o.dilation).slice([0, 0, 0, 0], [n, rows.out, cols.out, cout]) as tf.Tensor4D;",
    },
    {
      append: [
        'const realSend = process.send?.bind(process);',
        'const hide = (value: unknown): unknown => {',
        "  if (Array.isArray(value)) return value.filter((k) => typeof k !== 'string' || !/Conv/.test(k)).map(hide);",
        "  if (value !== null && typeof value === 'object' && !ArrayBuffer.isView(value)) return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, hide(v)]));",
        '  return value;',
        '};',
        'if (realSend !== undefined) (process as { send?: unknown }).send = (message: unknown, ...rest: unknown[]) => realSend(hide(message) as never, ...(rest as []));',
      ].join('\n'),
    },
  ],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'pass', E: 'fail' },
  messages: { E: 'tf.conv2d is not available in Part E' },
  backends: ['cpu', 'webgpu'],
});
