import { defineHostile } from '../../support/mutants/define.ts';

/**
 * A correct filterGrid in another style: one canvas per tile (the tile padded into place, zeros
 * elsewhere) plus a background canvas, summed with tf.addN of n + 1 tensors. On webgpu, tfjs's
 * AddN is wrong past the device's storage-buffer limit (graders/support/backends/known-bugs.ts):
 * the 64-filter case must then be left out of the score with a note, never cost the points.
 */
const filterGrid = `export function filterGrid(filters: tf.Tensor4D, options: GridOptions = {}): tf.Tensor2D | tf.Tensor3D {
  const fn = 'filterGrid';
  expectTensor(fn, 'filters', filters, 4, '[kh, kw, inChannels, n]');
  const [kh, kw, cin, n] = filters.shape;
  if (cin !== 1 && cin !== 3) {
    fail(fn, \`expected filters with 1 (grayscale) or 3 (RGB) input channels, got \${cin} (shape [\${filters.shape.join(', ')}]).\`);
  }
  if (n < 1 || kh < 1 || kw < 1) fail(fn, \`expected at least one filter of at least 1×1, got shape [\${filters.shape.join(', ')}].\`);
  const { columns = Math.ceil(Math.sqrt(n)), padding = 1, background = 1 } = options ?? {};
  if (!Number.isInteger(columns) || columns < 1) fail(fn, \`expected columns to be a positive integer, got \${show(columns)}.\`);
  if (!Number.isInteger(padding) || padding < 0) fail(fn, \`expected padding to be a non-negative integer, got \${show(padding)}.\`);
  if (typeof background !== 'number' || !Number.isFinite(background)) fail(fn, \`expected background to be a finite number, got \${show(background)}.\`);
  const rows = Math.ceil(n / columns);
  const height = rows * kh + (rows - 1) * padding;
  const width = columns * kw + (columns - 1) * padding;
  // Where tiles lie (1) and where the background shows (0), worked out from the geometry.
  const inTile = new Float32Array(height * width * cin);
  for (let o = 0; o < n; o++) {
    const top = Math.floor(o / columns) * (kh + padding);
    const left = (o % columns) * (kw + padding);
    for (let u = 0; u < kh; u++) for (let v = 0; v < kw; v++) for (let k = 0; k < cin; k++) inTile[((top + u) * width + left + v) * cin + k] = 1;
  }
  return tf.tidy(() => {
    const tiles = tf.transpose(filters.toFloat(), [3, 0, 1, 2]); // [n, kh, kw, cin]
    const low = tiles.min([1, 2, 3], true);
    const range = tiles.max([1, 2, 3], true).sub(low);
    const flat = range.equal(0);
    const scaled = tf.where(flat.broadcastTo(tiles.shape), tf.fill(tiles.shape, 0.5), tiles.sub(low).div(tf.where(flat, tf.onesLike(range), range)));
    // One canvas per tile (zeros elsewhere) plus the background canvas, summed.
    const canvases = tf.unstack(scaled).map((tile, o) => {
      const top = Math.floor(o / columns) * (kh + padding);
      const left = (o % columns) * (kw + padding);
      return tf.pad(tile, [[top, height - top - kh], [left, width - left - kw], [0, 0]]);
    });
    const back = tf.scalar(background).mul(tf.scalar(1).sub(tf.tensor3d(inTile, [height, width, cin])));
    const grid = tf.addN([...canvases, back]);
    return cin === 1 ? (grid.squeeze([2]) as tf.Tensor2D) : (grid as tf.Tensor3D);
  });
}
`;

export default defineHostile({
  description: 'control: a correct filterGrid that sums per-tile canvases with tf.addN — full marks on cpu and webgpu (a known webgpu AddN bug is not counted)',
  category: 'control',
  edits: [{ replaceFunction: 'filterGrid', with: filterGrid }],
  expect: { A: 'pass', B: 'pass', C: 'pass', D: 'pass' },
  backends: ['cpu', 'webgpu'],
});
