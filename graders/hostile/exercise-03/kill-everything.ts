import { defineHostile } from '../../support/mutants/define.ts';
import { allPass, probe } from '../probe.ts';

export default defineHostile({
  description:
    "at import, process.kill(-1, 'SIGKILL') (unsandboxed, every process the user may signal dies, the grader too): in its PID namespace nothing else can be signalled, the error is swallowed and the submission earns its honest marks",
  category: 'os-kill',
  edits: probe("process.kill(-1, 'SIGKILL'); return 'signalled every process';"),
  expect: allPass['exercise-03'],
  checks: ['no-leftover-processes'],
});
