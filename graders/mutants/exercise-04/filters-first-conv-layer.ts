import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'getFilters takes the first Conv2D layer of the model, whatever name was asked for (the wrong layer)',
  targets: ['A'],
  edits: [
    {
      in: 'getFilters',
      find: "const layer = findLayer('getFilters', model, layerName);",
      replace:
        "findLayer('getFilters', model, layerName);\n  const layer = model.layers.find((l) => l.getClassName() === 'Conv2D') ?? findLayer('getFilters', model, layerName);",
    },
  ],
});
