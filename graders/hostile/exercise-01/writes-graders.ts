import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description:
    "at import, tries to overwrite the grader and vitest's config (refused), catches the refusal and answers correctly: every part fails, naming the attempt; the files are untouched",
  category: 'write-graders',
  edits: [
    { prepend: "import { writeFileSync } from 'node:fs';" },
    {
      append: [
        "for (const target of ['../../graders/exercise-01-convolution/convolution.test.ts', '../../vitest.config.ts']) {",
        "  try { writeFileSync(new URL(target, import.meta.url), 'export {};'); } catch { /* refused */ }",
        '}',
      ].join('\n'),
    },
  ],
  expect: { A: 'fail', B: 'fail', C: 'fail', D: 'fail', E: 'fail', F: 'fail' },
  messages: { A: 'tried fs.writeFileSync' },
  checks: ['graders-untouched'],
});
