import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'conv2dMatMul starves the event loop with an endless chain of microtasks',
  category: 'hang',
  edits: [
    {
      in: 'conv2dMatMul',
      find: "const fn = 'conv2dMatMul';",
      replace: "const fn = 'conv2dMatMul';\n  const spin = (): Promise<void> => Promise.resolve().then(spin);\n  void spin();",
    },
  ],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'pass', E: 'fail', F: 'pass' },
  messages: { E: 'no answer within' },
  checks: ['no-leftover-processes'],
});
