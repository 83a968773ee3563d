import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description:
    'a property that always fails, and tries to make every fast-check run look failed/passed by patching fast-check in its realm: part C must still fail (the grader checks witnesses itself)',
  category: 'patch-fast-check',
  edits: [
    { prepend: "import { createRequire } from 'node:module';" },
    {
      in: 'equivarianceProperty',
      find: "return allClose(shiftThenOp, translate(opThenShift, dy, dx, 'circular'));",
      replace: "return false && allClose(shiftThenOp, translate(opThenShift, dy, dx, 'circular'));",
    },
    {
      append: [
        "const fcModule = createRequire(import.meta.url)('fast-check') as Record<string, unknown>;",
        "for (const name of ['check', 'assert']) {",
        '  try { fcModule[name] = () => ({ failed: true, counterexample: [], numRuns: 1 }); } catch { /* frozen */ }',
        '}',
      ].join('\n'),
    },
  ],
  expect: { C: 'fail' },
});
