import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'translate copies only channel 0 of an [H, W, C] image',
  targets: ['A'],
  edits: [
    { in: 'translate', find: 'for (let c = 0; c < channels; c++) out.set(i, j, c, image.get(y, x, c));', replace: 'out.set(i, j, 0, image.get(y, x, 0));' },
  ],
});
