import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: "equivarianceProperty's predicate never returns (fast-check runs it in the student's process): only part C fails",
  category: 'hang',
  edits: [{ in: 'equivarianceProperty', find: 'const opThenShift = op(x);', replace: 'for (;;) {}\n    const opThenShift = op(x);' }],
  expect: { A: 'pass', B: 'pass', C: 'fail', D: 'pass', F: 'pass' },
  messages: { C: 'no answer within' },
  checks: ['no-leftover-processes'],
});
