import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'translate wraps with (i − dy + H) % H, which fails for shifts larger than the image (and for dy < −H)',
  targets: ['A'],
  edits: [
    { in: 'translate', find: 'y = mod(y, h);', replace: 'y = (y + h) % h;' },
    { in: 'translate', find: 'x = mod(x, w);', replace: 'x = (x + w) % w;' },
  ],
});
