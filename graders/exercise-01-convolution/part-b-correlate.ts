/**
 * Part B — correlate2d: agrees with the reference and with tf.conv2d on random cases (any
 * padding, stride, dilation and input layout), is linear, gets the golden cases right, and
 * rejects invalid input.
 */
import fc from 'fast-check';
import type { ExerciseGrader } from '../support/exercise.ts';
import { expectInformative } from '../support/errors.ts';
import { formatDense } from '../support/format.ts';
import type { Dense } from '../support/sandbox/wire.ts';
import { caseCounts } from './case-counts.ts';
import { abs, dense, planeCase, showOptions, showPlane, value, wire, type PlaneCase } from './cases.ts';
import { expectNd, expectSums, referenceNd } from './check.ts';
import { goldenCorrelations, matrix } from './golden.ts';
import { tfCorrelate2d } from './tf-oracle.ts';

const terms = (c: PlaneCase): number => c.kernel.dense.data.length;

function combine(a: number, x: Dense, b: number, y: Dense): Dense {
  return { shape: x.shape, data: x.data.map((v, i) => a * v + b * y.data[i]) };
}

export function gradePartB(ex: ExerciseGrader): void {
  ex.part('B', () => {
    ex.property(
      'agrees with the reference on random images, kernels, padding, stride and dilation',
      planeCase(),
      async (c) => {
        const { value: got } = await ex.call('correlate2d', [wire(c.image), wire(c.kernel), c.options]);
        const expected = referenceNd(await ex.reference.call('correlate2d', [{ $nd: c.image.dense }, { $nd: c.kernel.dense }, c.options]), 'correlate2d');
        const magnitude = await tfCorrelate2d(abs(c.image.dense), abs(c.kernel.dense), c.options);
        expectSums(expectNd(got, 'the result of correlate2d'), expected, magnitude, terms(c), 'the result of correlate2d', ex.backend);
      },
      { numRuns: caseCounts.B.reference, show: showPlane },
    );

    ex.property(
      'agrees with tf.conv2d (an independent oracle)',
      planeCase(),
      async (c) => {
        const { value: got } = await ex.call('correlate2d', [wire(c.image), wire(c.kernel), c.options]);
        const expected = await tfCorrelate2d(c.image.dense, c.kernel.dense, c.options);
        const magnitude = await tfCorrelate2d(abs(c.image.dense), abs(c.kernel.dense), c.options);
        expectSums(expectNd(got, 'the result of correlate2d'), expected, magnitude, terms(c), 'the result of correlate2d (vs tf.conv2d)', ex.backend);
      },
      { numRuns: caseCounts.B.tfConv2d, show: showPlane },
    );

    ex.property(
      'is linear in the image: correlate(a·x + b·y, k) = a·correlate(x, k) + b·correlate(y, k)',
      planeCase().chain((c) => fc.record({ c: fc.constant(c), y: dense(c.image.dense.shape), a: value(), b: value() })),
      async ({ c, y, a, b }) => {
        const mixed = combine(a, c.image.dense, b, y);
        const fx = await ex.call('correlate2d', [{ $nd: c.image.dense }, wire(c.kernel), c.options]);
        const fy = await ex.call('correlate2d', [{ $nd: y }, wire(c.kernel), c.options]);
        const fm = await ex.call('correlate2d', [{ $nd: mixed }, wire(c.kernel), c.options]);
        const gx = expectNd(fx.value, 'correlate2d(x, k)');
        const gy = expectNd(fy.value, 'correlate2d(y, k)');
        const expected = combine(a, gx, b, gy);
        const magnitude = combine(
          Math.abs(a),
          await tfCorrelate2d(abs(c.image.dense), abs(c.kernel.dense), c.options),
          Math.abs(b),
          await tfCorrelate2d(abs(y), abs(c.kernel.dense), c.options),
        );
        expectSums(
          expectNd(fm.value, 'correlate2d(a·x + b·y, k)'),
          expected,
          magnitude,
          3 * terms(c),
          `correlate2d(a·x + b·y, k) with a = ${a}, b = ${b}`,
          ex.backend,
        );
      },
      {
        numRuns: caseCounts.B.linearity,
        show: ({ c, y, a, b }) => [...showPlane(c), { label: 'y', body: formatDense(y) }, { label: 'a, b', body: `${a}, ${b}` }],
      },
    );

    ex.test('gets the golden cases right (d2l, edge detector, the seed demo done right)', async () => {
      for (const g of goldenCorrelations) {
        const { value: got } = await ex.call('correlate2d', [{ $nd: g.image }, { $nd: g.kernel }, g.options]);
        expectSums(
          expectNd(got, `correlate2d on ${g.name}`),
          g.expected,
          g.expected,
          g.kernel.data.length,
          `correlate2d on ${g.name} (options ${showOptions(g.options)})`,
          ex.backend,
        );
      }
    });

    ex.test('rejects invalid input with an Error that names the problem', async () => {
      const image = {
        $nd: matrix([
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ]),
      };
      const kernel = {
        $nd: matrix([
          [1, 0],
          [0, 1],
        ]),
      };
      const cases = [
        { args: [image, { $nd: matrix([[1, 2, 3, 4]]) }, {}], why: "when a 1×4 kernel does not fit a 3×3 'valid' image", mentions: ['4', '3'] },
        { args: [image, kernel, { padding: -1 }], why: 'for padding -1', mentions: ['-1'] },
        { args: [image, kernel, { padding: 'full' }], why: "for padding 'full'", mentions: ['full'] },
        { args: [image, kernel, { stride: 0 }], why: 'for stride 0', mentions: ['stride', '0'] },
        { args: [image, kernel, { dilation: 1.5 }], why: 'for dilation 1.5', mentions: ['1.5'] },
        {
          args: [{ $nd: { shape: [2, 2, 1], data: new Float64Array(4) } }, kernel, {}],
          why: 'for an image of rank 3 ([2, 2, 1])',
          mentions: [{ rank: 3, shape: [2, 2, 1] }],
        },
      ];
      for (const { args, why, mentions } of cases) {
        const thrown = await ex.callExpectingThrow('correlate2d', args, why);
        expectInformative('correlate2d', why, thrown, mentions);
      }
    });
  });
}
