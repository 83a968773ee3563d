import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'process.exit(3) inside buildResNet (called through a driver op): parts D and E fail, the block parts are still graded',
  category: 'exit',
  edits: [{ in: 'buildResNet', find: 'validateResNet(inputShape, numClasses);', replace: 'validateResNet(inputShape, numClasses);\n  process.exit(3);' }],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'fail', E: 'fail' },
  messages: { D: 'exited with code 3' },
  checks: ['no-leftover-processes'],
});
