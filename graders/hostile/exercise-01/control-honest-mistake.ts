import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'control: an honest mistake in one part (conv2d forgets the bias) — only part D fails',
  category: 'control',
  edits: [{ in: 'conv2d', find: 'let sum = bias === undefined ? 0 : bias.get(oc);', replace: 'let sum = 0;' }],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'fail', E: 'pass', F: 'pass' },
});
