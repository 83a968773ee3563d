import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description:
    "correlate2d calls process.kill(-1, 'SIGKILL') (every process the user may signal: the grader, vitest, a whole class run): in its own PID namespace there is no other process to signal (ESRCH: bwrap's init is exempt), so the call throws and only the parts that call it fail",
  category: 'os-kill',
  edits: [{ in: 'correlate2d', find: "const fn = 'correlate2d';", replace: "const fn = 'correlate2d';\n  process.kill(-1, 'SIGKILL');" }],
  expect: { A: 'pass', B: 'fail', C: 'fail', D: 'pass', E: 'pass', F: 'pass' },
  messages: { B: 'ESRCH' },
  checks: ['no-leftover-processes'],
});
