/**
 * Part F (bonus) — conv2dBackward: agrees with the reference, with tf.grad (where tfjs can
 * differentiate: dilation 1), and passes the adjoint (dot-product) test for every option,
 * dilation included: for the bilinear layer y = conv(x, w) + b and any directions v, u, β,
 * ⟨g, conv(v, w)⟩ = ⟨dInput, v⟩, ⟨g, conv(x, u)⟩ = ⟨dFilters, u⟩ and ⟨g, β⟩ = ⟨dBias, β⟩ —
 * the finite-difference check, exact here because the layer is linear in each argument.
 */
import fc from 'fast-check';
import type { ExerciseGrader } from '../support/exercise.ts';
import { expectInformative } from '../support/errors.ts';
import { GradeFailure } from '../support/failure.ts';
import { formatNumber } from '../support/format.ts';
import { isWireNd, type Dense, type Wire } from '../support/sandbox/wire.ts';
import { tf } from '../support/tf.ts';
import { sumTolerance } from '../support/tolerance.ts';
import { caseCounts } from './case-counts.ts';
import { abs, dense, options, showLayer, sizes, wire, type Options } from './cases.ts';
import { expectSums } from './check.ts';
import { tfLayer } from './tf-oracle.ts';

interface BackwardCase {
  input: Dense;
  filters: Dense;
  grad: Dense;
  options: Options;
  /** Random directions for the adjoint test. */
  v: Dense;
  u: Dense;
  beta: Dense;
}

function outSize(n: number, k: number, o: Options): number {
  const s = o.stride ?? 1;
  const span = (o.dilation ?? 1) * (k - 1) + 1;
  if (o.padding === 'same') return Math.ceil(n / s);
  const p = typeof o.padding === 'number' ? o.padding : 0;
  return Math.floor((n + 2 * p - span) / s) + 1;
}

function backwardCase(maxDilation = 3): fc.Arbitrary<BackwardCase> {
  return options(3, maxDilation).chain((o) =>
    fc.record({ s: sizes(o, 3, 3), cin: fc.integer({ min: 1, max: 2 }), cout: fc.integer({ min: 1, max: 2 }) }).chain(({ s, cin, cout }) =>
      fc.record({
        input: dense([s.h, s.w, cin]),
        filters: dense([s.kh, s.kw, cin, cout]),
        grad: dense([outSize(s.h, s.kh, o), outSize(s.w, s.kw, o), cout]),
        options: fc.constant(o),
        v: dense([s.h, s.w, cin]),
        u: dense([s.kh, s.kw, cin, cout]),
        beta: dense([cout]),
      }),
    ),
  );
}

const show = (c: BackwardCase) => [
  ...showLayer({ input: { dense: c.input }, filters: { dense: c.filters }, options: c.options }),
  { label: 'gradOutput', body: formatDenseShort(c.grad) },
];

function formatDenseShort(d: Dense): string {
  return `[${d.shape.join('×')}] ${Array.from(d.data.slice(0, 12), formatNumber).join(' ')}${d.data.length > 12 ? ' …' : ''}`;
}

interface Gradients {
  dInput: Dense;
  dFilters: Dense;
  dBias: Dense;
}

function gradients(value: Wire, what: string): Gradients {
  const record = value as Record<string, Wire> | null;
  const out: Partial<Gradients> = {};
  for (const key of ['dInput', 'dFilters', 'dBias'] as const) {
    const item = record !== null && typeof record === 'object' ? record[key] : undefined;
    if (!isWireNd(item)) throw new GradeFailure(`${what} has no ndarray ${key} (expected { dInput, dFilters, dBias }).`);
    out[key] = item.$nd;
  }
  return out as Gradients;
}

const dot = (a: Dense, b: Dense): number => a.data.reduce((sum, x, i) => sum + x * b.data[i], 0);
const absDot = (a: Dense, b: Dense): number => a.data.reduce((sum, x, i) => sum + Math.abs(x * b.data[i]), 0);

function call(c: BackwardCase): Wire[] {
  return [wire({ dense: c.input }), wire({ dense: c.filters }), wire({ dense: c.grad }), c.options];
}

/** tf.grad of ⟨g, conv2d(x, w) + b⟩ with respect to x, w and b (dilation 1 only). */
async function tfGradients(c: BackwardCase): Promise<Gradients> {
  const stride = c.options.stride ?? 1;
  const p = c.options.padding ?? 'valid';
  const pad: 'valid' | 'same' | [[number, number], [number, number], [number, number], [number, number]] =
    typeof p === 'number'
      ? [
          [0, 0],
          [p, p],
          [p, p],
          [0, 0],
        ]
      : p;
  const t = (d: Dense) => tf.tensor(Float32Array.from(d.data), d.shape);
  const [x, w, b, g] = [
    t({ shape: [1, ...c.input.shape], data: c.input.data }),
    t(c.filters),
    t({ shape: [c.filters.shape[3]], data: new Float64Array(c.filters.shape[3]) }),
    t({ shape: [1, ...c.grad.shape], data: c.grad.data }),
  ];
  const f = (xx: tf.Tensor, ww: tf.Tensor, bb: tf.Tensor) => tf.sum(tf.mul(tf.add(tf.conv2d(xx as tf.Tensor4D, ww as tf.Tensor4D, stride, pad), bb), g));
  const [dx, dw, db] = tf.grads(f)([x, w, b]);
  const read = async (tensor: tf.Tensor, shape: number[]): Promise<Dense> => ({ shape, data: Float64Array.from(await tensor.data()) });
  const result = { dInput: await read(dx, c.input.shape), dFilters: await read(dw, c.filters.shape), dBias: await read(db, [c.filters.shape[3]]) };
  tf.dispose([x, w, b, g, dx, dw, db]);
  return result;
}

export function gradePartF(ex: ExerciseGrader): void {
  ex.part('F', () => {
    const compare = async (c: BackwardCase, expected: Gradients, source: string): Promise<void> => {
      const { value } = await ex.call('conv2dBackward', call(c));
      const got = gradients(value, 'the result of conv2dBackward');
      const bound = gradients(
        await ex.reference.call('conv2dBackward', [{ $nd: abs(c.input) }, { $nd: abs(c.filters) }, { $nd: abs(c.grad) }, c.options]),
        'bound',
      );
      const [oh, ow, cout] = c.grad.shape;
      const [kh, kw] = c.filters.shape;
      expectSums(got.dBias, expected.dBias, bound.dBias, oh * ow, `dBias (vs ${source})`, ex.backend);
      expectSums(got.dFilters, expected.dFilters, bound.dFilters, oh * ow, `dFilters (vs ${source})`, ex.backend);
      expectSums(got.dInput, expected.dInput, bound.dInput, kh * kw * cout, `dInput (vs ${source})`, ex.backend);
    };

    ex.property(
      'agrees with the reference on random layers and gradients',
      backwardCase(),
      async (c) =>
        compare(
          c,
          gradients(await ex.reference.call('conv2dBackward', [{ $nd: c.input }, { $nd: c.filters }, { $nd: c.grad }, c.options]), 'reference'),
          'the reference',
        ),
      { numRuns: caseCounts.F.reference, show },
    );

    ex.property('agrees with tf.grad (dilation 1)', backwardCase(1), async (c) => compare(c, await tfGradients(c), 'tf.grad'), {
      numRuns: caseCounts.F.tfGrad,
      show,
    });

    ex.property(
      'passes the adjoint (dot-product) test for every option, dilation included',
      backwardCase(),
      async (c) => {
        const { value } = await ex.call('conv2dBackward', call(c));
        const got = gradients(value, 'the result of conv2dBackward');
        const checks: [string, number, number, number][] = [];
        const convV = await tfLayer(c.v, c.filters, c.options);
        const convVabs = await tfLayer(abs(c.v), abs(c.filters), c.options);
        checks.push(['⟨g, conv(v, w)⟩ = ⟨dInput, v⟩', dot(c.grad, convV), dot(got.dInput, c.v), dot(abs(c.grad), convVabs) + absDot(got.dInput, c.v)]);
        const convU = await tfLayer(c.input, c.u, c.options);
        const convUabs = await tfLayer(abs(c.input), abs(c.u), c.options);
        checks.push(['⟨g, conv(x, u)⟩ = ⟨dFilters, u⟩', dot(c.grad, convU), dot(got.dFilters, c.u), dot(abs(c.grad), convUabs) + absDot(got.dFilters, c.u)]);
        const [oh, ow, cout] = c.grad.shape;
        let gb = 0;
        let gbAbs = 0;
        for (let i = 0; i < oh * ow * cout; i++) {
          gb += c.grad.data[i] * c.beta.data[i % cout];
          gbAbs += Math.abs(c.grad.data[i] * c.beta.data[i % cout]);
        }
        checks.push(['⟨g, β⟩ = ⟨dBias, β⟩', gb, dot(got.dBias, c.beta), gbAbs + absDot(got.dBias, c.beta)]);
        const terms = c.input.data.length * c.filters.data.length;
        for (const [name, expected, actual, magnitude] of checks) {
          const tolerance = sumTolerance(terms, magnitude);
          if (!(Math.abs(expected - actual) <= tolerance)) {
            throw new GradeFailure(
              `the adjoint test ${name} fails: left side ${formatNumber(expected)}, right side ${formatNumber(actual)} (tolerance ${tolerance.toExponential(1)}).`,
            );
          }
        }
      },
      {
        numRuns: caseCounts.F.adjoint,
        show: (c) => [...show(c), { label: 'directions v, u, β', body: `${formatDenseShort(c.v)}\n${formatDenseShort(c.u)}\n${formatDenseShort(c.beta)}` }],
      },
    );

    ex.test('rejects a gradOutput of the wrong shape with an Error that names it', async () => {
      const input = { $nd: { shape: [4, 4, 1], data: new Float64Array(16) } };
      const filters = { $nd: { shape: [3, 3, 1, 2], data: new Float64Array(18) } };
      const grad = { $nd: { shape: [3, 3, 2], data: new Float64Array(18) } };
      const why = 'for gradOutput [3, 3, 2] when conv2d gives [2, 2, 2]';
      const thrown = await ex.callExpectingThrow('conv2dBackward', [input, filters, grad, {}], why);
      expectInformative('conv2dBackward', why, thrown, [{ shape: [3, 3, 2] }]);
    });
  });
}
