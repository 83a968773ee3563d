/**
 * Part C — activationMaps: the truncated model's output on the course model (bar images, written
 * to out/exercise-04/activations.png) and on random models and layers; the strongest channel for
 * each bar is the one the grader's own run of the model finds; shifting the image shifts the maps away from the borders
 * (translation equivariance, exercise 02); clear errors.
 */
import fc from 'fast-check';
import { expectClose } from '../support/compare.ts';
import { expectInformative } from '../support/errors.ts';
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure } from '../support/failure.ts';
import { formatDense, formatNumber } from '../support/format.ts';
import { type Dense, type Wire, wireTensor } from '../support/sandbox/wire.ts';
import { sumTolerance, sumTolerances } from '../support/tolerance.ts';
import { barImage, dense, featureLayers, inputShape, randomModel, showModel } from './cases.ts';
import { callWithModel, callWithModelExpectingThrow, fromTensor } from './check.ts';
import { termsUpTo, type ModelSpec } from './models.ts';
import { oracleMaps, outputMagnitude } from './oracle.ts';
import { channel, mosaic, writePng } from './pictures.ts';
import { referenceWithModel } from './reference-calls.ts';

const courseModel: ModelSpec = { kind: 'course' };
const bars = { horizontal: barImage(0, 11), vertical: barImage(1, 11) };

interface MapsCase {
  spec: ModelSpec;
  image: Dense;
  layerName: string;
}

async function studentMaps(ex: ExerciseGrader, c: MapsCase): Promise<Dense> {
  const value = await callWithModel(ex, 'activationMaps', c.spec, [wireTensor(c.image), c.layerName], { inputName: 'image' });
  return fromTensor(value, `the result of activationMaps(model, image, '${c.layerName}')`);
}

async function expectReference(ex: ExerciseGrader, c: MapsCase, got: Dense): Promise<void> {
  const expected = fromTensor(await referenceWithModel(ex, 'activationMaps', c.spec, [wireTensor(c.image), c.layerName]), 'the reference maps');
  const magnitude = await outputMagnitude(c.spec, c.layerName, c.image);
  const tolerance = magnitude.data.length === expected.data.length ? sumTolerances(termsUpTo(c.spec, c.layerName), magnitude.data) : 0;
  expectClose(got, expected, tolerance, { what: `the maps of layer '${c.layerName}'`, backend: ex.backend });
}

function showCase(c: MapsCase): { label: string; body: string }[] {
  return [showModel(c.spec), { label: 'image', body: formatDense(c.image) }, { label: 'layerName', body: `'${c.layerName}'` }];
}

/** A random model, one of its feature layers and an image of its input shape. */
const randomCase: fc.Arbitrary<MapsCase> = randomModel.chain((spec) =>
  fc.record({ spec: fc.constant<ModelSpec>(spec), image: dense(inputShape(spec)), layerName: fc.constantFrom(...featureLayers(spec).map((l) => l.name)) }),
);

/** Content moved down by dy and right by dx; zeros enter. */
function shift(image: Dense, dy: number, dx: number): Dense {
  const [h, w, c] = image.shape;
  const data = new Float64Array(image.data.length);
  for (let y = 0; y < h; y++)
    for (let x = 0; x < w; x++)
      for (let k = 0; k < c; k++) {
        const sy = y - dy;
        const sx = x - dx;
        if (sy >= 0 && sy < h && sx >= 0 && sx < w) data[(y * w + x) * c + k] = image.data[(sy * w + sx) * c + k];
      }
  return { shape: image.shape, data };
}

const shiftCase = fc.record({
  seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
  label: fc.integer({ min: 0, max: 3 }),
  dy: fc.integer({ min: -4, max: 4 }),
  dx: fc.integer({ min: -4, max: 4 }),
});

/** The strongest response (max over positions) of each channel of maps [h, w, c]. */
function peaks(maps: Dense): number[] {
  const c = maps.shape[2];
  const out = new Array<number>(c).fill(-Infinity);
  maps.data.forEach((v, i) => {
    out[i % c] = Math.max(out[i % c], v);
  });
  return out;
}

export function gradePartC(ex: ExerciseGrader): void {
  ex.part('C', () => {
    ex.test("gives the course model's conv1 maps for a horizontal and a vertical bar (writes out/exercise-04/activations.png)", async () => {
      const rows: Dense[][] = [];
      const results: [Dense, Dense][] = [];
      for (const image of [bars.horizontal, bars.vertical]) {
        const got = await studentMaps(ex, { spec: courseModel, image, layerName: 'conv1' });
        results.push([image, got]);
        if (got.shape.join() === '28,28,8') {
          const top = Math.max(...got.data);
          rows.push([{ shape: [28, 28], data: image.data }, ...Array.from({ length: 8 }, (_, k) => channel(got, k, top))]);
        }
      }
      const file = rows.length === 2 ? writePng('activations.png', mosaic(rows, 2, 1), 4) : undefined;
      for (const [image, got] of results) {
        try {
          await expectReference(ex, { spec: courseModel, image, layerName: 'conv1' }, got);
        } catch (error) {
          if (error instanceof GradeFailure && file !== undefined)
            throw error.with({ label: 'your picture', body: `${file} (compare with exercises/exercise-04-filters/expected-activations.png)` });
          throw error;
        }
      }
    });

    ex.test("on the course model, the channel that answers a horizontal (or vertical) bar most is the model's own strongest channel", async () => {
      for (const [name, image] of Object.entries(bars)) {
        const got = await studentMaps(ex, { spec: courseModel, image, layerName: 'conv1' });
        if (got.shape.join() !== '28,28,8')
          throw new GradeFailure(`activationMaps(model, image, 'conv1') has shape [${got.shape.join(', ')}], expected [28, 28, 8] ([h, w, channels]).`);
        // Which channel wins is computed here, from the committed weights, not taken from a
        // table: channels within float32 error of the winner count as winners too.
        const expected = peaks(await oracleMaps(courseModel, 'conv1', image));
        const tolerance = sumTolerance(termsUpTo(courseModel, 'conv1'), Math.max(...(await outputMagnitude(courseModel, 'conv1', image)).data));
        const top = Math.max(...expected);
        const winners = expected.flatMap((peak, k) => (peak >= top - 2 * tolerance ? [k] : []));
        const p = peaks(got);
        const best = p.indexOf(Math.max(...p));
        if (!winners.includes(best)) {
          throw new GradeFailure(
            `for a ${name} bar the strongest channel of your maps is ${best}, but the model's strongest channel (computed by the grader) is ${winners.join(' or ')}. ` +
              "Are the channels on the last axis, in the model's order?",
            [
              { label: 'peak of each channel, yours', body: p.map(formatNumber).join(', ') },
              { label: "peak of each channel, the model's", body: expected.map(formatNumber).join(', ') },
            ],
          );
        }
      }
    });

    ex.property(
      "equals the truncated model's output on random models and layers (1 or 3 channels, after pooling too)",
      randomCase,
      async (c) => expectReference(ex, c, await studentMaps(ex, c)),
      {
        numRuns: 12,
        show: showCase,
      },
    );

    ex.property(
      'shifting the image shifts the maps, away from the borders (exercise 02: convolution is equivariant)',
      shiftCase,
      async ({ seed, label, dy, dx }) => {
        const image = barImage(label, seed % 100_000, 0.1);
        const moved = shift(image, dy, dx);
        const a = await studentMaps(ex, { spec: courseModel, image, layerName: 'conv1' });
        const b = await studentMaps(ex, { spec: courseModel, image: moved, layerName: 'conv1' });
        if (a.shape.join() !== '28,28,8' || b.shape.join() !== '28,28,8')
          throw new GradeFailure(`activationMaps(model, image, 'conv1') has shape [${a.shape.join(', ')}], expected [28, 28, 8].`);
        // A 7×7 'same' window at (i, j) reads rows i−3…i+3: compare where both windows lie inside the image.
        const inside = (i: number, d: number): boolean => i - 3 >= 0 && i + 3 < 28 && i - d - 3 >= 0 && i - d + 3 < 28;
        const tolerance = sumTolerance(termsUpTo(courseModel, 'conv1'), Math.max(...(await outputMagnitude(courseModel, 'conv1', image)).data));
        for (let i = 0; i < 28; i++)
          for (let j = 0; j < 28; j++)
            for (let k = 0; k < 8; k++) {
              if (!inside(i, dy) || !inside(j, dx)) continue;
              const shifted = b.data[(i * 28 + j) * 8 + k];
              const original = a.data[((i - dy) * 28 + (j - dx)) * 8 + k];
              if (!(Math.abs(shifted - original) <= tolerance)) {
                throw new GradeFailure(
                  `maps(shift(image, ${dy}, ${dx}))[${i}, ${j}, ${k}] = ${formatNumber(shifted)}, but maps(image)[${i - dy}, ${j - dx}, ${k}] = ${formatNumber(original)}: ` +
                    'away from the borders, moving the image must move the maps by the same amount.',
                );
              }
            }
      },
      {
        numRuns: 3,
        show: ({ seed, label, dy, dx }) => [
          { label: 'image', body: `the first bar of class ${label} in generateBars({ count: 16, seed: ${seed % 100_000}, noise: 0.1 })` },
          { label: 'shift', body: `${dy} rows down, ${dx} columns right (zeros enter)` },
        ],
      },
    );

    ex.test('rejects a missing layer, a layer without feature maps and an image of the wrong shape', async () => {
      const image = wireTensor(bars.horizontal);
      const cases: { args: Wire[]; why: string; mentions: (string | string[])[] }[] = [
        { args: [image, 'conv9'], why: "for a layer the model does not have ('conv9')", mentions: ['conv9'] },
        { args: [image, 'logits'], why: "for 'logits', a Dense layer whose output [batch, 4] has no feature maps", mentions: ['logits'] },
        {
          args: [wireTensor({ shape: [20, 20, 1], data: new Float64Array(400) }), 'conv1'],
          why: 'for a 20×20 image (the model takes 28×28×1)',
          mentions: ['20'],
        },
      ];
      for (const c of cases) {
        const thrown = await callWithModelExpectingThrow(ex, 'activationMaps', courseModel, c.args, c.why, { inputName: 'image' });
        expectInformative('activationMaps', c.why, thrown, c.mentions);
      }
    });
  });
}
