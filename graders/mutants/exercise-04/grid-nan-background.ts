import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'filterGrid checks only that background is a number, so NaN (or ±Infinity) is drawn into every gap',
  targets: ['B'],
  edits: [{ in: 'filterGrid', find: "if (typeof background !== 'number' || !Number.isFinite(background))", replace: "if (typeof background !== 'number')" }],
});
