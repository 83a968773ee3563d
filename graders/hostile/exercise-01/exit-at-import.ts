import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'process.exit(0) while the module is imported',
  category: 'exit',
  edits: [{ append: 'process.exit(0);' }],
  expect: { A: 'fail', B: 'fail', C: 'fail', D: 'fail', E: 'fail', F: 'fail' },
  messages: { A: 'exited with code 0 during importing convolution.ts' },
  checks: ['no-leftover-processes'],
});
