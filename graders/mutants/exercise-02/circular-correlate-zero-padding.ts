import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "circularCorrelate2d pads with zeros ('same') instead of wrapping around",
  targets: ['B'],
  edits: [
    { in: 'circularCorrelate2d', find: 'const y = mod(i + u - top, h);', replace: 'const y = i + u - top;\n        if (y < 0 || y >= h) continue;' },
    { in: 'circularCorrelate2d', find: 'const x = mod(j + v - left, w);', replace: 'const x = j + v - left;\n          if (x < 0 || x >= w) continue;' },
  ],
});
