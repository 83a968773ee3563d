import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'maximizeActivation rejects NaN and learning rates ≤ 0 but accepts an infinite learning rate',
  targets: ['D'],
  edits: [
    {
      in: 'maximizeActivation',
      find: "if (typeof learningRate !== 'number' || !Number.isFinite(learningRate) || learningRate <= 0) {",
      replace: "if (typeof learningRate !== 'number' || Number.isNaN(learningRate) || learningRate <= 0) {",
    },
  ],
});
