import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'maximizeActivation ascends the sum of the channel instead of its mean (steps h·w times too large)',
  targets: ['D'],
  edits: [
    {
      in: 'maximizeActivation',
      find: 'return maps.slice([0, 0, 0, channel], [1, -1, -1, 1]).mean();',
      replace: 'return maps.slice([0, 0, 0, channel], [1, -1, -1, 1]).sum();',
    },
  ],
});
