import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "equivarianceProperty tests one image only — the seed's demo, one white pixel in the centre (article errata #2, #7) — under every shift",
  targets: ['C'],
  edits: [
    { in: 'equivarianceProperty', find: 'return fc.property(images(height, width),', replace: 'return fc.property(fc.constant(seedImage(height, width)),' },
    {
      append:
        'function seedImage(height: number, width: number): NdArray {\n  const image = ndarray(new Float64Array(height * width), [height, width]);\n  image.set(Math.floor(height / 2), Math.floor(width / 2), 1);\n  return image;\n}',
    },
  ],
});
