import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'conv2dMatMul leaks 10,000 tensors and patches tf.memory() and the engine to report none',
  category: 'leak',
  edits: [
    { prepend: "import { createRequire } from 'node:module';" },
    {
      in: 'conv2dMatMul',
      find: "const fn = 'conv2dMatMul';",
      replace: [
        "const fn = 'conv2dMatMul';",
        '  for (let i = 0; i < 10_000; i++) tf.scalar(i);',
        "  const cjs = createRequire(import.meta.url)('@tensorflow/tfjs') as { memory: () => unknown };",
        '  const fake = () => ({ numTensors: 0, numDataBuffers: 0, numBytes: 0, unreliable: false });',
        '  try { cjs.memory = fake; } catch { /* frozen */ }',
        '  (tf.engine() as unknown as { memory: () => unknown }).memory = fake;',
      ].join('\n'),
    },
  ],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'pass', E: 'fail' },
  messages: { E: 'tensors allocated' },
});
