import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'maximizeActivation tries to start a process (refused), catches the refusal and answers correctly: part D fails naming the attempt',
  category: 'child-process',
  edits: [
    { prepend: "import { execSync } from 'node:child_process';" },
    {
      in: 'maximizeActivation',
      find: "const fn = 'maximizeActivation';",
      replace: "const fn = 'maximizeActivation';\n  try { execSync('true'); } catch { /* refused */ }",
    },
  ],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'fail' },
  messages: { D: 'tried child_process.execSync' },
});
