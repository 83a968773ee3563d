import { defineHostile } from '../../support/mutants/define.ts';

/**
 * A correct submission in another style of error message: "image must be a 2-dimensional
 * ndarray, but it has 3 dimension(s)" names the parameter, what was expected and what was given,
 * which is all the README asks. Informative errors are judged by meaning, not by one phrasing:
 * full marks.
 */
export default defineHostile({
  description: "control: correct, with rank errors worded 'x must be a 2-dimensional ndarray, but it has 3 dimension(s)' — full marks",
  category: 'control',
  edits: [
    {
      find: "fail(fn, `expected ${name} of rank ${rank} ${layout}, got shape [${array.shape.join(', ')}].`);",
      replace: 'throw new RangeError(`${name} must be a ${rank}-dimensional ndarray, but it has ${array.shape.length} dimension(s)`);',
    },
  ],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'pass', E: 'pass', F: 'pass' },
  checks: ['no-leftover-processes', 'graders-untouched'],
});
