/**
 * Part D — conv2d, a multi-channel layer: agrees with the reference and with tf.conv2d plus the
 * bias, on random and on realistic (32×32×3) sizes, and rejects mismatched shapes.
 */
import fc from 'fast-check';
import type { ExerciseGrader } from '../support/exercise.ts';
import { expectInformative, type Mention } from '../support/errors.ts';
import type { Dense, Wire } from '../support/sandbox/wire.ts';
import { caseCounts } from './case-counts.ts';
import { abs, dense, layerCase, showLayer, wire, type LayerCase } from './cases.ts';
import { expectNd, expectSums, referenceNd } from './check.ts';
import { tfLayer } from './tf-oracle.ts';

function args(c: LayerCase): Wire[] {
  return c.bias === undefined ? [wire(c.input), wire(c.filters), undefined, c.options] : [wire(c.input), wire(c.filters), wire(c.bias), c.options];
}

function terms(c: LayerCase): number {
  const [kh, kw, cin] = c.filters.dense.shape;
  return kh * kw * cin + 1;
}

/** tf.conv2d plus the bias broadcast over positions; with `absolute`, of |inputs| (a magnitude bound). */
async function oracle(c: LayerCase, absolute = false): Promise<Dense> {
  const f = (d: Dense): Dense => (absolute ? abs(d) : d);
  const out = await tfLayer(f(c.input.dense), f(c.filters.dense), c.options);
  if (c.bias !== undefined) {
    const cout = out.shape[2];
    const bias = f(c.bias.dense).data;
    for (let i = 0; i < out.data.length; i++) out.data[i] += bias[i % cout];
  }
  return out;
}

/** One realistic layer: a 32×32 RGB image, 8 filters 3×3, bias, 'same', stride 2. */
const realistic: fc.Arbitrary<LayerCase> = fc
  .record({ input: dense([32, 32, 3]), filters: dense([3, 3, 3, 8]), bias: dense([8]) })
  .map(({ input, filters, bias }) => ({
    input: { dense: input },
    filters: { dense: filters },
    bias: { dense: bias },
    options: { padding: 'same', stride: 2 },
  }));

export function gradePartD(ex: ExerciseGrader): void {
  ex.part('D', () => {
    const againstReference = async (c: LayerCase): Promise<void> => {
      const { value: got } = await ex.call('conv2d', args(c));
      const refArgs: Wire[] = [{ $nd: c.input.dense }, { $nd: c.filters.dense }, c.bias === undefined ? undefined : { $nd: c.bias.dense }, c.options];
      const expected = referenceNd(await ex.reference.call('conv2d', refArgs), 'conv2d');
      expectSums(expectNd(got, 'the result of conv2d'), expected, await oracle(c, true), terms(c), 'the result of conv2d', ex.backend);
    };

    ex.property('agrees with the reference on random layers (channels, bias, padding, stride, dilation)', layerCase(), againstReference, {
      numRuns: caseCounts.D.reference,
      show: showLayer,
    });

    ex.property('agrees with the reference on a realistic layer (32×32×3 input, 8 filters, stride 2)', realistic, againstReference, {
      numRuns: caseCounts.D.realistic,
      show: showLayer,
      shrink: false,
    });

    ex.property(
      'agrees with tf.conv2d plus the bias (an independent oracle)',
      layerCase(),
      async (c) => {
        const { value: got } = await ex.call('conv2d', args(c));
        expectSums(
          expectNd(got, 'the result of conv2d'),
          await oracle(c),
          await oracle(c, true),
          terms(c),
          'the result of conv2d (vs tf.conv2d + bias)',
          ex.backend,
        );
      },
      { numRuns: caseCounts.D.tfConv2d, show: showLayer },
    );

    ex.test('rejects mismatched shapes with an Error that names both sizes', async () => {
      const input = { $nd: { shape: [4, 4, 3], data: new Float64Array(48) } };
      const filters = { $nd: { shape: [3, 3, 3, 2], data: new Float64Array(54) } };
      const cases: { args: Wire[]; why: string; mentions: Mention[] }[] = [
        {
          args: [input, { $nd: { shape: [3, 3, 2, 2], data: new Float64Array(36) } }, undefined, {}],
          why: 'when the input has 3 channels but the filters expect 2',
          mentions: ['3', '2'],
        },
        {
          args: [input, filters, { $nd: { shape: [5], data: new Float64Array(5) } }, {}],
          why: 'for a bias of shape [5] with 2 output channels',
          mentions: ['5', '2'],
        },
        {
          args: [input, { $nd: { shape: [3, 3, 3], data: new Float64Array(27) } }, undefined, {}],
          why: 'for filters of rank 3',
          mentions: [{ rank: 3, shape: [3, 3, 3] }],
        },
        { args: [input, filters, undefined, { padding: -2 }], why: 'for padding -2', mentions: ['-2'] },
      ];
      for (const c of cases) {
        const thrown = await ex.callExpectingThrow('conv2d', c.args, c.why);
        expectInformative('conv2d', c.why, thrown, c.mentions);
      }
    });
  });
}
