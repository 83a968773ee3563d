import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description:
    'at import, tries to spawn a detached child that would outlive the run (refused), catches the refusal and answers correctly: every part fails, naming the attempt',
  category: 'child-process',
  edits: [
    { prepend: "import { spawn } from 'node:child_process';" },
    {
      append: "try {\n  spawn('sleep', ['600'], { detached: true, stdio: 'ignore' }).unref();\n} catch {\n  // refused: keep going\n}",
    },
  ],
  expect: { A: 'fail', B: 'fail', C: 'fail', D: 'fail', E: 'fail', F: 'fail' },
  messages: { A: 'tried child_process.spawn sleep (refused)' },
  checks: ['no-leftover-processes'],
});
