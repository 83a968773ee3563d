import { defineHostile } from '../../support/mutants/define.ts';
import { allFail } from '../probe.ts';

export default defineHostile({
  description:
    'a fork bomb at import (child_process.fork of itself in a loop, errors swallowed): refused and reported; the sandbox also caps processes and its PID namespace ends with it',
  category: 'child-process',
  edits: [
    { prepend: "import { fork } from 'node:child_process';" },
    { append: 'for (let i = 0; i < 64; i++) {\n  try {\n    fork(new URL(import.meta.url).pathname);\n  } catch {\n    // refused: keep going\n  }\n}' },
  ],
  expect: allFail['exercise-01'],
  messages: { A: 'tried child_process.fork' },
  checks: ['no-leftover-processes'],
});
