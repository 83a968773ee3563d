import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'translate moves content up for a positive dy (out[i] = x[i + dy]): the shift goes the wrong way',
  targets: ['A'],
  edits: [
    { in: 'translate', find: 'let y = i - dy;', replace: 'let y = i + dy;' },
    { in: 'translate', find: 'let x = j - dx;', replace: 'let x = j + dx;' },
  ],
});
