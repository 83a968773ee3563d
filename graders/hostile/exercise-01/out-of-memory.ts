import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'correlate2d allocates until the process runs out of memory',
  category: 'memory',
  edits: [
    {
      in: 'correlate2d',
      find: "const fn = 'correlate2d';",
      replace: "const fn = 'correlate2d';\n  const hoard: number[][] = [];\n  for (;;) hoard.push(new Array(1_000_000).fill(Math.random()));",
    },
  ],
  expect: { A: 'pass', B: 'fail', C: 'fail', D: 'pass', E: 'pass', F: 'pass' },
  messages: { B: 'out of memory during correlate2d' },
  checks: ['no-leftover-processes'],
});
