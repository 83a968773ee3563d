/**
 * Part E — strideCounterexample, on every backend. The stride-2 circular correlation of the
 * student's image (circular padding by ⌊k/2⌋, then tf.conv2d with stride 2, 'valid': it samples
 * rows and columns 0, 2, 4, …) is computed twice: by tf.conv2d on the graded backend, in the
 * student's process (the driver), and by the grader's own code here. The two must agree (so
 * nothing in the student's process changed tfjs), and on the backend's numbers no circular shift
 * of op(x) may equal op(translate(x, dy, dx)) within float32 rounding.
 */
import { expectClose } from '../support/compare.ts';
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure, type Section } from '../support/failure.ts';
import { formatDense, formatValue } from '../support/format.ts';
import { isWireNd, type Dense, type Wire } from '../support/sandbox/wire.ts';
import { sumTolerance, sumTolerances } from '../support/tolerance.ts';
import { abs, circularPad, correlateValid, shift } from './images.ts';
import { stride2ConvOp } from './protocol.ts';
import { callDriver } from '../support/sandbox/driver-protocol.ts';

interface StrideCase {
  image: Dense;
  kernel: Dense;
  dy: number;
  dx: number;
}

const maxSide = 64;
const maxKernel = 15;

/** Calls strideCounterexample and checks that what it returned is a case Part E can judge. */
async function readCase(ex: ExerciseGrader): Promise<StrideCase> {
  const { value } = await ex.call('strideCounterexample', []);
  const v = value as { [key: string]: Wire } | null;
  const got = (): Section[] => [{ label: 'it returned', body: formatValue(value) }];
  if (v === null || typeof v !== 'object' || !isWireNd(v.image) || !isWireNd(v.kernel)) {
    throw new GradeFailure('strideCounterexample must return { image, kernel, dy, dx } with image and kernel ndarrays.', got());
  }
  const image = v.image.$nd;
  const kernel = v.kernel.$nd;
  const [h, w] = image.shape;
  if (image.shape.length !== 2 || h % 2 !== 0 || w % 2 !== 0 || h < 2 || w < 2 || h > maxSide || w > maxSide) {
    throw new GradeFailure(
      `the image must be [H, W] with H and W even, from 2 to ${maxSide}, got [${image.shape.join(', ')}]: with an even size the stride-2 grid (rows 0, 2, 4, …) wraps around evenly.`,
    );
  }
  const [kh, kw] = kernel.shape;
  if (kernel.shape.length !== 2 || kh % 2 === 0 || kw % 2 === 0 || kh > maxKernel || kw > maxKernel) {
    throw new GradeFailure(`the kernel must be [kh, kw] with kh and kw odd, at most ${maxKernel}, got [${kernel.shape.join(', ')}].`);
  }
  if (![...image.data, ...kernel.data].every(Number.isFinite)) throw new GradeFailure('the image and the kernel must hold finite numbers.');
  if (!Number.isInteger(v.dy) || !Number.isInteger(v.dx)) {
    throw new GradeFailure(`dy and dx must be integers, got dy = ${formatValue(v.dy)}, dx = ${formatValue(v.dx)}.`);
  }
  return { image, kernel, dy: v.dy as number, dx: v.dx as number };
}

export function gradePartE(ex: ExerciseGrader): void {
  ex.part('E', () => {
    ex.test('returns { image, kernel, dy, dx }: an image with even height and width, an odd kernel, integer shifts', async () => {
      await readCase(ex);
    });

    ex.test('stride-2 circular correlation is not equivariant for that shift: no circular shift of its output matches', async () => {
      const c = await readCase(ex);
      const [kh, kw] = c.kernel.shape;
      const top = Math.floor(kh / 2);
      const left = Math.floor(kw / 2);
      const padded = [c.image, shift(c.image, c.dy, c.dx)].map((d) => circularPad(d, top, top, left, left));
      const answer = await callDriver(
        ex,
        stride2ConvOp,
        { inputs: padded.map((p) => ({ $nd: p })), kernel: { $nd: c.kernel } },
        { label: `tf.conv2d with stride 2 on ${ex.backend}` },
      );
      const [y, ty] = answer.map((o) => o.$nd);
      const terms = kh * kw;
      const magnitudes = padded.map((p) => correlateValid(abs(p), abs(c.kernel), 2));
      [y, ty].forEach((got, k) => {
        expectClose(got, correlateValid(padded[k], c.kernel, 2), sumTolerances(terms, magnitudes[k].data), {
          what: `tf.conv2d(…, stride 2) on ${ex.backend}, compared with the grader's own computation (did something change tfjs?)`,
          backend: ex.backend,
        });
      });
      const [oh, ow] = y.shape;
      for (let a = 0; a < oh; a++) {
        for (let b = 0; b < ow; b++) {
          const moved = shift(y, a, b);
          const movedMagnitude = shift(magnitudes[0], a, b);
          const matches = ty.data.every(
            (v, i) => Math.abs(v - moved.data[i]) <= sumTolerance(terms, magnitudes[1].data[i]) + sumTolerance(terms, movedMagnitude.data[i]),
          );
          if (!matches) continue;
          const even = c.dy % 2 === 0 && c.dx % 2 === 0;
          throw new GradeFailure(
            `for dy = ${c.dy}, dx = ${c.dx} the stride-2 layer IS equivariant on your image: shifting its output by (${a}, ${b}) gives exactly op(translate(x, ${c.dy}, ${c.dx})) (on ${ex.backend}). ` +
              (even
                ? 'Shifts that are multiples of the stride commute with a stride-2 layer (the output moves by dy/2, dx/2): use an odd shift.'
                : 'Your image hides the sampling: choose one whose content differs between even and odd rows or columns (a single bright pixel, for instance).'),
            [
              { label: 'image x', body: formatDense(c.image) },
              { label: 'kernel', body: formatDense(c.kernel) },
              { label: 'op(x)', body: formatDense(y) },
              { label: `op(translate(x, ${c.dy}, ${c.dx}))`, body: formatDense(ty) },
            ],
          );
        }
      }
    });
  });
}
