import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'conv2dBackward returns a promise that never settles',
  category: 'hang',
  edits: [
    { in: 'conv2dBackward', find: "const fn = 'conv2dBackward';", replace: "const fn = 'conv2dBackward';\n  if (fn) return new Promise(() => {}) as never;" },
  ],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'pass', E: 'pass', F: 'fail' },
  messages: { F: 'no answer within 5 s (conv2dBackward)' },
});
