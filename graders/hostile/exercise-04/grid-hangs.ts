import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'filterGrid loops forever (called through a driver op): part B fails by time limit, A, C and D are still graded',
  category: 'hang',
  edits: [{ in: 'filterGrid', find: "const fn = 'filterGrid';", replace: "const fn = 'filterGrid';\n  for (;;) {}" }],
  expect: { A: 'pass', B: 'fail', C: 'pass', D: 'pass' },
  messages: { B: 'no answer within' },
  checks: ['no-leftover-processes'],
});
