import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'maximizeActivation takes steps + 1 steps (off by one)',
  targets: ['D'],
  edits: [{ in: 'maximizeActivation', find: 'step < steps;', replace: 'step <= steps;' }],
});
