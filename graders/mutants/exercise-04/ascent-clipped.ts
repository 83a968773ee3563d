import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'maximizeActivation clips the image to [0, 1] after every step (the spec says plain ascent)',
  targets: ['D'],
  edits: [
    {
      in: 'maximizeActivation',
      find: 'image.add(gradient(image).mul(learningRate))',
      replace: 'image.add(gradient(image).mul(learningRate)).clipByValue(0, 1)',
    },
  ],
});
