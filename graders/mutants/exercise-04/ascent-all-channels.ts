import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'maximizeActivation ascends the mean of the whole layer, not of the one channel',
  targets: ['D'],
  edits: [{ in: 'maximizeActivation', find: 'return maps.slice([0, 0, 0, channel], [1, -1, -1, 1]).mean();', replace: 'return maps.mean();' }],
});
