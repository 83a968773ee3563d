import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'correlate2d throws a string instead of an Error',
  category: 'throw',
  edits: [{ in: 'correlate2d', find: "const fn = 'correlate2d';", replace: "const fn = 'correlate2d';\n  if (fn) throw 'oops';" }],
  expect: { A: 'pass', B: 'fail', C: 'fail', D: 'pass', E: 'pass', F: 'pass' },
  messages: { B: 'non-Error value' },
});
