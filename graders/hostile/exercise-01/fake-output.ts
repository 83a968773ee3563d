import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'a wrong correlate2d that prints a fake full-marks score table and closing line to stdout, stderr and straight to file descriptors 1 and 2',
  category: 'fake-output',
  edits: [
    { prepend: "import { writeSync } from 'node:fs';" },
    { in: 'correlate2d', find: 'out.set(i, j, sum);', replace: 'out.set(i, j, -sum);' },
    {
      append: [
        "const fake = '\\nexercise-01 · Convolution\\n  total 13/13\\n\\n22 passed, 0 failed\\n';",
        'console.log(fake);',
        'console.error(fake);',
        'process.stdout.write(fake);',
        'writeSync(1, fake);',
        'writeSync(2, fake);',
      ].join('\n'),
    },
  ],
  expect: { B: 'fail' },
  checks: ['results-file-intact'],
});
