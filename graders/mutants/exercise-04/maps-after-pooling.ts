import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'activationMaps returns the output of the layer after the named one (after the pooling that follows it)',
  targets: ['C'],
  edits: [{ in: 'activationMaps', find: 'truncate(model, layer)', replace: 'truncate(model, model.layers[model.layers.indexOf(layer) + 1] ?? layer)' }],
});
