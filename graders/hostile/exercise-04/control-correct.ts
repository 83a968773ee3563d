import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'control: the reference solution, unchanged — must get full marks',
  category: 'control',
  edits: [],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'pass' },
  checks: ['no-leftover-processes'],
});
