import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: "a wrong correlate2d that patches fast-check's runner (check/assert always pass) in its own realm",
  category: 'patch-fast-check',
  edits: [
    { prepend: "import { createRequire } from 'node:module';" },
    { in: 'correlate2d', find: 'out.set(i, j, sum);', replace: 'out.set(i, j, sum + 1);' },
    {
      append: [
        "const fcModule = createRequire(import.meta.url)('fast-check') as Record<string, unknown>;",
        'for (const name of ["check", "assert"]) {',
        '  try { fcModule[name] = async () => ({ failed: false }); } catch { /* frozen */ }',
        '}',
      ].join('\n'),
    },
  ],
  expect: { B: 'fail' },
});
