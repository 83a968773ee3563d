import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "translate's 'zero' mode tests y > H instead of y ≥ H (off by one: reads one row and column past the end)",
  targets: ['A'],
  edits: [{ in: 'translate', find: 'y < 0 || y >= h || x < 0 || x >= w', replace: 'y < 0 || y > h || x < 0 || x > w' }],
});
