import { defineHostile } from '../../support/mutants/define.ts';

// The attack of issue 13, made as strong as we could: conv2dMatMul answers with tf.conv2d, the
// module registers a hand-made Conv2D kernel in case the stock one is gone, and process.send is
// wrapped so that every report (kernels run, kernel-registry changes) hides Conv2D. Against
// reports alone this scored 3/3. Now the convolution kernels are removed before the module loads
// and sealed out of tfjs's registry, so the registered one is never found and the call throws;
// the parts that use no tfjs keep their points. (Checked: without the seal, Part E passes.)
export default defineHostile({
  description:
    'conv2dMatMul answers with tf.conv2d (its patch matMul runs for show), a hand-made Conv2D kernel is registered at import, and process.send drops Conv2D from every report',
  category: 'forged-report',
  edits: [
    {
      // The patches and their matMul still run (for show); the answer comes from tf.conv2d.
      in: 'conv2dMatMul',
      find: 'return product.reshape([n, rows.out, cols.out, cout]) as tf.Tensor4D;',
      // (tf.conv2d refuses stride and dilation both above 1: there the product's answer is kept.)
      replace: [
        'if (o.stride > 1 && o.dilation > 1) return product.reshape([n, rows.out, cols.out, cout]) as tf.Tensor4D;',
        "return tf.conv2d(padded, filters, o.stride, 'valid', 'NHWC', o.dilation).slice([0, 0, 0, 0], [n, rows.out, cols.out, cout]) as tf.Tensor4D;",
      ].join('\n    '),
    },
    {
      append: [
        "if (tf.getKernel('Conv2D', tf.getBackend()) === undefined) {",
        "  // A 'valid' NHWC convolution (strides, dilations) in plain JavaScript, as a kernel.",
        "  tf.registerKernel({ kernelName: 'Conv2D', backendName: tf.getBackend(), kernelFunc: ({ inputs, backend, attrs }) => {",
        '    const pair = (v: unknown): number[] => (Array.isArray(v) ? v : [v, v]) as number[];',
        '    const [sh, sw] = pair(attrs!.strides); const [dh, dw] = pair(attrs!.dilations);',
        '    const [x, f] = [inputs.x, inputs.filter].map((t) => ({ shape: t.shape, data: (backend as tf.KernelBackend).readSync(t.dataId) as Float32Array }));',
        '    const [n, h, w, c] = x.shape; const [kh, kw, , co] = f.shape;',
        '    const oh = Math.floor((h - (kh - 1) * dh - 1) / sh) + 1; const ow = Math.floor((w - (kw - 1) * dw - 1) / sw) + 1;',
        '    const out = new Float32Array(n * oh * ow * co);',
        '    for (let b = 0; b < n; b++) for (let i = 0; i < oh; i++) for (let j = 0; j < ow; j++) for (let o = 0; o < co; o++) {',
        '      let s = 0;',
        '      for (let u = 0; u < kh; u++) for (let v = 0; v < kw; v++) for (let k = 0; k < c; k++) s += x.data[((b * h + i * sh + u * dh) * w + j * sw + v * dw) * c + k] * f.data[((u * kw + v) * c + k) * co + o];',
        '      out[((b * oh + i) * ow + j) * co + o] = s;',
        '    }',
        "    return { dataId: (backend as tf.KernelBackend).write(out, [n, oh, ow, co], 'float32'), shape: [n, oh, ow, co], dtype: 'float32' };",
        '  } });',
        '}',
      ].join('\n'),
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
