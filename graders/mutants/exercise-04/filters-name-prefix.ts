import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "getFilters finds the layer by name prefix: getFilters(model, 'conv') returns conv1's kernel instead of throwing",
  targets: ['A'],
  edits: [
    {
      in: 'getFilters',
      find: "const layer = findLayer('getFilters', model, layerName);",
      replace: "const layer = model.layers.find((l) => l.name.startsWith(layerName)) ?? findLayer('getFilters', model, layerName);",
    },
  ],
});
