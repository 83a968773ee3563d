import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "maximizeActivation returns the caller's own start tensor when steps is 0, so disposing the result disposes the caller's input",
  targets: ['D'],
  edits: [{ in: 'maximizeActivation', find: 'let image = start.clone();', replace: 'let image = steps === 0 ? start : start.clone();' }],
});
