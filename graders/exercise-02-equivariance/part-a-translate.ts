/**
 * Part A — translate: agrees with the reference on random images, shifts and modes; moves content
 * the README's way (golden cases with one bright pixel, so a wrong direction is named); circular
 * shifts compose; a realistic 32×32×3 image; informative errors.
 */
import fc from 'fast-check';
import { expectClose } from '../support/compare.ts';
import { expectInformative } from '../support/errors.ts';
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure } from '../support/failure.ts';
import { formatDense } from '../support/format.ts';
import type { Dense } from '../support/sandbox/wire.ts';
import { realisticShiftCase, shiftCase, showShift, wire, type Mode, type ShiftCase } from './cases.ts';
import { expectNd, referenceNd } from './check.ts';
import { shift } from './images.ts';

const call = (dy: number, dx: number, mode: Mode): string => `translate(image, ${dy}, ${dx}, '${mode}')`;

/** A zero image of `shape` with 1 at `at`. */
function impulse(shape: number[], at: number[]): Dense {
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  let flat = 0;
  for (let axis = 0; axis < shape.length; axis++) flat = flat * shape[axis] + at[axis];
  data[flat] = 1;
  return { shape, data };
}

/** Where the non-zero values of a dense array are, as text. */
function brightPixels(d: Dense): string {
  const found: string[] = [];
  const [, w, c = 1] = d.shape;
  d.data.forEach((v, flat) => {
    if (v === 0) return;
    const k = flat % c;
    const j = Math.floor(flat / c) % w;
    const i = Math.floor(flat / c / w);
    found.push(d.shape.length === 3 ? `(${i}, ${j}, ${k})` : `(${i}, ${j})`);
  });
  return found.length === 0 ? 'nowhere (all zeros)' : found.join(', ');
}

interface Golden {
  shape: number[];
  from: number[];
  dy: number;
  dx: number;
  mode: Mode;
  why: string;
}

const golden: Golden[] = [
  { shape: [3, 4], from: [0, 0], dy: 1, dx: 2, mode: 'circular', why: 'a positive dy moves content down, a positive dx right' },
  { shape: [3, 4], from: [0, 0], dy: -1, dx: -1, mode: 'circular', why: 'negative shifts move content up and left, wrapping around' },
  { shape: [3, 4], from: [0, 0], dy: 7, dx: -9, mode: 'circular', why: 'out-of-range shifts wrap modulo the size (7 mod 3 = 1, −9 mod 4 = 3)' },
  { shape: [3, 4], from: [1, 1], dy: 1, dx: 2, mode: 'zero', why: "'zero' moves content like 'circular' while it stays inside" },
  { shape: [3, 4], from: [1, 1], dy: 2, dx: 0, mode: 'zero', why: "'zero' drops what leaves the image and fills with zeros" },
  { shape: [2, 3, 2], from: [0, 0, 1], dy: 1, dx: 1, mode: 'circular', why: 'an [H, W, C] image shifts along H and W only; channels stay put' },
];

export function gradePartA(ex: ExerciseGrader): void {
  ex.part('A', () => {
    ex.property(
      'agrees with the reference on random [H, W] and [H, W, C] images, shifts (negative, out of range) and modes',
      shiftCase(),
      async (c) => {
        const { value: got } = await ex.call('translate', [wire(c.image), c.dy, c.dx, c.mode]);
        const expected = referenceNd(await ex.reference.call('translate', [{ $nd: c.image.dense }, c.dy, c.dx, c.mode]), 'translate');
        expectClose(expectNd(got, `the result of ${call(c.dy, c.dx, c.mode)}`), expected, 0, {
          what: `the result of ${call(c.dy, c.dx, c.mode)}`,
          backend: 'js',
        });
      },
      { numRuns: 120, show: showShift },
    );

    ex.test('moves content the right way: down for positive dy, right for positive dx (one bright pixel)', async () => {
      for (const g of golden) {
        const image = impulse(g.shape, g.from);
        const expected = shift(image, g.dy, g.dx, g.mode);
        const { value } = await ex.call('translate', [{ $nd: image }, g.dy, g.dx, g.mode]);
        const got = expectNd(value, `the result of ${call(g.dy, g.dx, g.mode)}`);
        const same =
          got.shape.length === expected.shape.length && got.shape.every((n, i) => n === expected.shape[i]) && got.data.every((v, i) => v === expected.data[i]);
        if (!same) {
          throw new GradeFailure(
            `${call(g.dy, g.dx, g.mode)} on a ${g.shape.join('×')} image with one bright pixel at (${g.from.join(', ')}) put it at ${brightPixels(got)}, expected ${brightPixels(expected)}: ${g.why}.`,
            [
              { label: 'image', body: formatDense(image) },
              { label: 'got', body: formatDense(got) },
              { label: 'expected', body: formatDense(expected) },
            ],
          );
        }
      }
    });

    ex.property(
      'circular shifts compose: translate(translate(x, a, b), c, d) = translate(x, a + c, b + d)',
      shiftCase(5).chain((c) => fc.record({ c: fc.constant(c), dy2: fc.integer({ min: -6, max: 6 }), dx2: fc.integer({ min: -6, max: 6 }) })),
      async ({ c, dy2, dx2 }) => {
        const once = expectNd((await ex.call('translate', [wire(c.image), c.dy, c.dx, 'circular'])).value, `translate(x, ${c.dy}, ${c.dx}, 'circular')`);
        const twice = expectNd((await ex.call('translate', [{ $nd: once }, dy2, dx2, 'circular'])).value, `translate(…, ${dy2}, ${dx2}, 'circular')`);
        const direct = expectNd(
          (await ex.call('translate', [wire(c.image), c.dy + dy2, c.dx + dx2, 'circular'])).value,
          `translate(x, ${c.dy + dy2}, ${c.dx + dx2}, 'circular')`,
        );
        expectClose(twice, direct, 0, {
          what: `translate(translate(x, ${c.dy}, ${c.dx}), ${dy2}, ${dx2}) compared with translate(x, ${c.dy + dy2}, ${c.dx + dx2})`,
          backend: 'js',
        });
      },
      {
        numRuns: 40,
        show: ({ c, dy2, dx2 }) => [...showShift({ ...c, mode: 'circular' }), { label: 'then', body: `translate(…, ${dy2}, ${dx2}, 'circular')` }],
      },
    );

    ex.property(
      'agrees with the reference on a realistic 32×32×3 image',
      realisticShiftCase(),
      async (c: ShiftCase) => {
        const { value: got } = await ex.call('translate', [wire(c.image), c.dy, c.dx, c.mode]);
        const expected = referenceNd(await ex.reference.call('translate', [{ $nd: c.image.dense }, c.dy, c.dx, c.mode]), 'translate');
        expectClose(expectNd(got, `the result of ${call(c.dy, c.dx, c.mode)}`), expected, 0, {
          what: `the result of ${call(c.dy, c.dx, c.mode)} on 32×32×3`,
          backend: 'js',
        });
      },
      { numRuns: 3, show: showShift, shrink: false },
    );

    ex.test('rejects invalid input with an Error that names the value given', async () => {
      const image = { $nd: impulse([3, 3], [1, 1]) };
      const cases = [
        { args: [image, 1.5, 0, 'circular'], why: 'for dy = 1.5', mentions: ['1.5'] },
        { args: [image, 0, 0.5, 'zero'], why: 'for dx = 0.5', mentions: ['0.5'] },
        { args: [image, 1, 1, 'wrap'], why: "for mode 'wrap'", mentions: ['wrap'] },
        { args: [{ $nd: impulse([4], [0]) }, 1, 1, 'circular'], why: 'for an image of rank 1 ([4])', mentions: [{ rank: 1, shape: [4] }] },
        {
          args: [{ $nd: impulse([1, 2, 2, 1], [0, 0, 0, 0]) }, 1, 1, 'circular'],
          why: 'for an image of rank 4 ([1, 2, 2, 1])',
          mentions: [{ rank: 4, shape: [1, 2, 2, 1] }],
        },
      ];
      for (const { args, why, mentions } of cases) {
        const thrown = await ex.callExpectingThrow('translate', args, why);
        expectInformative('translate', why, thrown, mentions);
      }
    });
  });
}
