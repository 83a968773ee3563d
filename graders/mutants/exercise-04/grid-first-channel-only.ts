import { defineMutant } from '../../support/mutants/define.ts';

export default defineMutant({
  description: "filterGrid shows only input channel 0 of each filter, as a gray tile (the seed's filters[i, 0, :, :], article errata #13)",
  targets: ['B'],
  edits: [
    { in: 'filterGrid', find: 'const [kh, kw, cin, n] = filters.shape;', replace: 'const [kh, kw, channels, n] = filters.shape;\n  const cin = 1;' },
    { in: 'filterGrid', find: 'if (cin !== 1 && cin !== 3) {', replace: 'if (channels !== 1 && channels !== 3) {' },
    { in: 'filterGrid', find: 'got ${cin} (shape', replace: 'got ${channels} (shape' },
    {
      in: 'filterGrid',
      find: 'const tiles = tf.transpose(filters.toFloat(), [3, 0, 1, 2]);',
      replace: 'const tiles = tf.transpose(filters.toFloat().slice([0, 0, 0, 0], [kh, kw, 1, n]), [3, 0, 1, 2]);',
    },
  ],
});
