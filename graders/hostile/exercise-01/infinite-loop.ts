import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'a synchronous infinite loop in outputSize',
  category: 'hang',
  edits: [{ in: 'outputSize', find: 'const o = resolveOptions', replace: 'for (;;) {}\n  const o = resolveOptions' }],
  expect: { A: 'fail', B: 'pass', C: 'pass', D: 'pass', E: 'pass', F: 'pass' },
  messages: { A: 'no answer within 5 s (outputSize)' },
  checks: ['no-leftover-processes'],
});
