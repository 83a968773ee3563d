import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'process.exit(0) inside conv2d: part D fails, every other part is still graded',
  category: 'exit',
  edits: [{ in: 'conv2d', find: "const fn = 'conv2d';", replace: "const fn = 'conv2d';\n  process.exit(0);" }],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'fail', E: 'pass', F: 'pass' },
  messages: { D: 'exited with code 0 during conv2d' },
  checks: ['no-leftover-processes'],
});
