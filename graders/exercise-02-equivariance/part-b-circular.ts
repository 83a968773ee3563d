/**
 * Part B — circularCorrelate2d: agrees with the reference, and with exercise 01's 'valid'
 * cross-correlation of the circularly padded image (padding and correlation written here, not
 * taken from the student's exercise 01); a realistic 32×32 case; odd kernels only.
 */
import { expectClose } from '../support/compare.ts';
import { expectInformative } from '../support/errors.ts';
import type { ExerciseGrader } from '../support/exercise.ts';
import type { Dense } from '../support/sandbox/wire.ts';
import { sumTolerances } from '../support/tolerance.ts';
import { correlateCase, realisticCorrelateCase, showCorrelate, wire, type CorrelateCase } from './cases.ts';
import { expectNd, referenceNd } from './check.ts';
import { abs, circularCorrelate, circularPad, correlateValid } from './images.ts';

/** Float32 rounding of each output's kh·kw-term sum (a student may compute in float32). */
function tolerance(c: CorrelateCase): Float64Array {
  const [kh, kw] = c.kernel.dense.shape;
  return sumTolerances(kh * kw, circularCorrelate(abs(c.image.dense), abs(c.kernel.dense)).data);
}

async function studentResult(ex: ExerciseGrader, c: CorrelateCase): Promise<Dense> {
  const { value } = await ex.call('circularCorrelate2d', [wire(c.image), wire(c.kernel)]);
  return expectNd(value, 'the result of circularCorrelate2d');
}

function matrix(rows: number[][]): Dense {
  return { shape: [rows.length, rows[0].length], data: Float64Array.from(rows.flat()) };
}

export function gradePartB(ex: ExerciseGrader): void {
  ex.part('B', () => {
    const againstReference = async (c: CorrelateCase): Promise<void> => {
      const got = await studentResult(ex, c);
      const expected = referenceNd(await ex.reference.call('circularCorrelate2d', [{ $nd: c.image.dense }, { $nd: c.kernel.dense }]), 'circularCorrelate2d');
      expectClose(got, expected, tolerance(c), { what: 'the result of circularCorrelate2d', backend: 'js' });
    };

    ex.property('agrees with the reference on random images and odd kernels (some larger than the image)', correlateCase(), againstReference, {
      numRuns: 80,
      show: showCorrelate,
    });

    ex.property(
      "equals exercise 01's 'valid' correlation of the image padded circularly by ⌊kh/2⌋ rows and ⌊kw/2⌋ columns",
      correlateCase(),
      async (c) => {
        const got = await studentResult(ex, c);
        const [kh, kw] = c.kernel.dense.shape;
        const top = Math.floor(kh / 2);
        const left = Math.floor(kw / 2);
        const expected = correlateValid(circularPad(c.image.dense, top, top, left, left), c.kernel.dense);
        expectClose(got, expected, tolerance(c), {
          what: "circularCorrelate2d compared with a 'valid' correlation of the circularly padded image",
          backend: 'js',
        });
      },
      { numRuns: 40, show: showCorrelate },
    );

    ex.property('agrees with the reference on a realistic 32×32 image and 5×5 kernel', realisticCorrelateCase(), againstReference, {
      numRuns: 2,
      show: showCorrelate,
      shrink: false,
    });

    ex.test('rejects even kernels and images or kernels that are not matrices, naming what was given', async () => {
      const image = {
        $nd: matrix([
          [1, 2, 3],
          [4, 5, 6],
          [7, 8, 9],
        ]),
      };
      const cases = [
        {
          args: [
            image,
            {
              $nd: matrix([
                [1, 0, 0],
                [0, 1, 0],
              ]),
            },
          ],
          why: 'for a 2×3 kernel (even height: no centre)',
          mentions: ['2', ['odd', 'even', 'centre', 'center']],
        },
        {
          args: [
            image,
            {
              $nd: matrix([
                [1, 0, 0, 1],
                [0, 1, 0, 0],
                [1, 1, 1, 1],
              ]),
            },
          ],
          why: 'for a 3×4 kernel (even width: no centre)',
          mentions: ['4', ['odd', 'even', 'centre', 'center']],
        },
        {
          args: [{ $nd: { shape: [2, 2, 1], data: new Float64Array(4) } }, { $nd: matrix([[1]]) }],
          why: 'for an image of rank 3 ([2, 2, 1])',
          mentions: [{ rank: 3, shape: [2, 2, 1] }],
        },
        {
          args: [image, { $nd: { shape: [3], data: Float64Array.of(1, 2, 1) } }],
          why: 'for a kernel of rank 1 ([3])',
          mentions: [{ rank: 1, shape: [3] }],
        },
      ];
      for (const { args, why, mentions } of cases) {
        const thrown = await ex.callExpectingThrow('circularCorrelate2d', args, why);
        expectInformative('circularCorrelate2d', why, thrown, mentions);
      }
    });
  });
}
