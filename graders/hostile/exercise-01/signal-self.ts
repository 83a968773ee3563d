import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'correlate2d sends SIGKILL to its own process (convolve2d uses it too)',
  category: 'exit',
  edits: [{ in: 'correlate2d', find: "const fn = 'correlate2d';", replace: "const fn = 'correlate2d';\n  process.kill(process.pid, 'SIGKILL');" }],
  expect: { A: 'pass', B: 'fail', C: 'fail', D: 'pass', E: 'pass', F: 'pass' },
  messages: { B: 'killed by SIGKILL during correlate2d' },
  checks: ['no-leftover-processes'],
});
