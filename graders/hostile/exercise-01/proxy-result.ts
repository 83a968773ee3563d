import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'conv2d returns a Proxy whose every property access throws',
  category: 'proxy',
  edits: [
    {
      in: 'conv2d',
      find: "const fn = 'conv2d';",
      replace:
        "const fn = 'conv2d';\n  if (fn) return new Proxy({}, { get() { throw new Error('gotcha'); }, ownKeys() { throw new Error('gotcha'); } }) as NdArray;",
    },
  ],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'fail', E: 'pass', F: 'pass' },
  messages: { D: 'gotcha' },
});
