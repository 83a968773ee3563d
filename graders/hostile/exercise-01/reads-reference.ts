import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: "correlate2d tries to read the hidden reference's source and the sealed recordings at run time (refused by the permission model)",
  category: 'read-reference',
  edits: [
    { prepend: "import { readFileSync } from 'node:fs';" },
    {
      in: 'correlate2d',
      find: "const fn = 'correlate2d';",
      replace: [
        "const fn = 'correlate2d';",
        "  readFileSync(new URL('../../solutions/exercise-01-convolution/convolution.ts', import.meta.url), 'utf8');",
      ].join('\n'),
    },
  ],
  expect: { A: 'pass', B: 'fail', C: 'fail', D: 'pass', E: 'pass', F: 'pass' },
  messages: { B: 'access' },
});
