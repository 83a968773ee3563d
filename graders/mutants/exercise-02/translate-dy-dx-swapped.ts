import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'translate shifts rows by dx and columns by dy',
  targets: ['A'],
  edits: [
    { in: 'translate', find: 'let y = i - dy;', replace: 'let y = i - dx;' },
    { in: 'translate', find: 'let x = j - dx;', replace: 'let x = j - dy;' },
  ],
});
