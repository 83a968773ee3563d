import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'circularCorrelate2d accepts an even kernel silently (it has no centre)',
  targets: ['B'],
  edits: [{ in: 'circularCorrelate2d', find: 'if (kh % 2 === 0 || kw % 2 === 0) {', replace: 'if (false) {' }],
});
