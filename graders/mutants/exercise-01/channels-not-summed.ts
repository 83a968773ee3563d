import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'conv2d uses only the first input channel (the seed plots filters[i, 0] too: article errata #13)',
  targets: ['D'],
  edits: [{ in: 'conv2d', find: 'for (let c = 0; c < cin; c++) sum +=', replace: 'for (let c = 0; c < 1; c++) sum +=' }],
});
