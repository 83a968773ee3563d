import { defineHostile } from '../../support/mutants/define.ts';

export default defineHostile({
  description: 'correlate2d returns the right answer but zeroes its input image afterwards',
  category: 'mutate-input',
  edits: [
    {
      in: 'correlate2d',
      find: '  return out;\n}',
      replace: '  for (let i = 0; i < h; i++) for (let j = 0; j < w; j++) image.set(i, j, 0);\n  return out;\n}',
    },
  ],
  expect: { A: 'pass', B: 'fail', C: 'fail', D: 'pass', E: 'pass', F: 'pass' },
  messages: { B: 'changed its input' },
});
