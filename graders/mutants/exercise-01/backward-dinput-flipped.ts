import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: 'conv2dBackward scatters dInput with the kernel rotated (mixing up the full convolution form with the scatter form)',
  targets: ['F'],
  edits: [
    {
      in: 'conv2dBackward',
      find: 'dInput.set(y, x, c, dInput.get(y, x, c) + g * filters.get(u, v, c, oc));',
      replace: 'dInput.set(y, x, c, dInput.get(y, x, c) + g * filters.get(kh - 1 - u, kw - 1 - v, c, oc));',
    },
  ],
});
