import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'maximizeActivation steps against the gradient (descent: x − η·∇) and so lowers the activation',
  targets: ['D'],
  edits: [{ in: 'maximizeActivation', find: 'image.add(gradient(image).mul(learningRate))', replace: 'image.sub(gradient(image).mul(learningRate))' }],
});
