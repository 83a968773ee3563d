/**
 * Part D — maximizeActivation: follows the reference's gradient-ascent trajectory (same start,
 * steps and learning rate) on the course model and on random models; on the course model the
 * target activation rises by at least what the first step promises; clear errors.
 */
import fc from 'fast-check';
import { expectClose } from '../support/compare.ts';
import { expectInformative } from '../support/errors.ts';
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure, type Section } from '../support/failure.ts';
import { formatDense, formatNumber } from '../support/format.ts';
import { type Dense, type Wire, wireTensor } from '../support/sandbox/wire.ts';
import { float32UnitRoundoff, relativeTolerance } from '../support/tolerance.ts';
import { barImage, featureLayers, inputShape, randomModel, seededImage, showModel } from './cases.ts';
import { callWithModel, callWithModelExpectingThrow, fromTensor } from './check.ts';
import { course, termsUpTo, type ModelSpec } from './models.ts';
import { ascentFacts } from './oracle.ts';
import { referenceWithModel } from './reference-calls.ts';

const courseModel: ModelSpec = { kind: 'course' };
/** The course filters that fire at all (4 is dead: zero gradient, nothing to climb). */
const liveFilters = Array.from({ length: course.conv.channels }, (_, k) => k).filter((k) => !course.deadFilters.includes(k));

interface AscentCase {
  spec: ModelSpec;
  layerName: string;
  channel: number;
  steps: number;
  learningRate: number;
  start: Dense;
}

function args(c: AscentCase): Wire[] {
  return [c.layerName, c.channel, { steps: c.steps, learningRate: c.learningRate, start: wireTensor(c.start) }];
}

async function studentAscent(ex: ExerciseGrader, c: AscentCase): Promise<Dense> {
  const value = await callWithModel(ex, 'maximizeActivation', c.spec, args(c), { inputName: 'options.start', timeoutMs: 5000 + 300 * c.steps });
  return fromTensor(value, `the result of maximizeActivation(model, '${c.layerName}', ${c.channel}, …)`);
}

function maxAbs(values: Float64Array): number {
  return values.reduce((m, v) => Math.max(m, Math.abs(v)), 0);
}

/**
 * Float32 allowance for a trajectory: every step's gradient carries the rounding of the sums
 * behind it (Σ fan-ins), and errors add up over the steps, relative to how far the image is
 * from zero or has moved.
 */
function trajectoryTolerance(c: AscentCase, expected: Dense): number {
  const moved = maxAbs(expected.data.map((v, i) => v - c.start.data[i]));
  const scale = maxAbs(c.start.data) + moved;
  return 2 * (c.steps + 1) * (termsUpTo(c.spec, c.layerName) + 2) * float32UnitRoundoff * scale + 1e-12;
}

async function expectTrajectory(ex: ExerciseGrader, c: AscentCase): Promise<void> {
  const got = await studentAscent(ex, c);
  const expected = fromTensor(await referenceWithModel(ex, 'maximizeActivation', c.spec, args(c)), 'the reference image');
  try {
    expectClose(got, expected, trajectoryTolerance(c, expected), { what: `the image after ${c.steps} step(s)`, backend: ex.backend });
  } catch (error) {
    if (!(error instanceof GradeFailure) || got.shape.join() !== expected.shape.join()) throw error;
    // Where the target activation went tells ascent from descent, too large from too small steps.
    const [start, yours, reference] = await Promise.all([c.start, got, expected].map((image) => ascentFacts(c.spec, c.layerName, c.channel, image)));
    throw error.with({
      label: `mean activation of channel ${c.channel}`,
      body: `${formatNumber(start.activation)} at start, ${formatNumber(yours.activation)} after your steps, ${formatNumber(reference.activation)} after the reference's`,
    });
  }
}

function showCase(c: AscentCase): Section[] {
  return [
    showModel(c.spec),
    { label: 'call', body: `maximizeActivation(model, '${c.layerName}', ${c.channel}, { steps: ${c.steps}, learningRate: ${c.learningRate}, start })` },
    { label: 'start', body: formatDense(c.start) },
  ];
}

/** Random models, any feature layer and channel, 0–5 steps, start values continuous in [0, 1). */
const randomCase: fc.Arbitrary<AscentCase> = randomModel.chain((spec) =>
  fc
    .record({
      layer: fc.constantFrom(...featureLayers(spec)),
      pick: fc.nat(),
      steps: fc.integer({ min: 0, max: 5 }),
      learningRate: fc.constantFrom(0.05, 0.2, 1),
      seed: fc.integer({ min: 0, max: 2 ** 31 - 1 }),
    })
    .map(({ layer, pick, steps, learningRate, seed }) => ({
      spec,
      layerName: layer.name,
      channel: pick % layer.channels,
      steps,
      learningRate,
      start: seededImage(inputShape(spec), seed),
    })),
);

/** The course model from a noisy bar or from uniform noise, a live filter, up to 4 steps. */
const courseCase: fc.Arbitrary<AscentCase> = fc
  .record({
    channel: fc.constantFrom(...liveFilters),
    steps: fc.integer({ min: 1, max: 4 }),
    learningRate: fc.constantFrom(1, 5, 20),
    seed: fc.integer({ min: 0, max: 100_000 }),
    bar: fc.option(fc.integer({ min: 0, max: 3 }), { nil: undefined }),
  })
  .map(({ channel, steps, learningRate, seed, bar }) => ({
    spec: courseModel,
    layerName: 'conv1',
    channel,
    steps,
    learningRate,
    start: bar === undefined ? seededImage([28, 28, 1], seed) : barImage(bar, seed, 0.1),
  }));

/** The realistic run: 10 steps from mid-gray plus a little noise, far enough to leave [0, 1]. */
const realistic: fc.Arbitrary<AscentCase> = fc
  .record({ channel: fc.constantFrom(...liveFilters), seed: fc.integer({ min: 0, max: 100_000 }) })
  .map(({ channel, seed }) => ({
    spec: courseModel,
    layerName: 'conv1',
    channel,
    steps: 10,
    learningRate: 40,
    start: { shape: [28, 28, 1], data: seededImage([28, 28, 1], seed).data.map((v) => 0.5 + 0.1 * (v - 0.5)) },
  }));

export function gradePartD(ex: ExerciseGrader): void {
  ex.part('D', () => {
    ex.property('follows the reference trajectory on the course model (10 steps on a 28×28 image)', realistic, (c) => expectTrajectory(ex, c), {
      numRuns: 1,
      show: showCase,
      shrink: false,
    });

    ex.property('follows the reference trajectory on random models, layers and channels (0–5 steps)', randomCase, (c) => expectTrajectory(ex, c), {
      numRuns: 8,
      show: showCase,
    });

    ex.test('with steps 0 returns a copy of start (a new tensor, not start itself)', async () => {
      // The random trajectories include 0 steps only by chance: this case is always graded.
      await expectTrajectory(ex, { spec: courseModel, layerName: 'conv1', channel: liveFilters[0], steps: 0, learningRate: 1, start: barImage(0, 11, 0.1) });
    });

    ex.property(
      "raises the target channel's mean activation (gradient ascent, not descent)",
      courseCase,
      async (c) => {
        const got = await studentAscent(ex, c);
        if (got.shape.join() !== c.start.shape.join())
          throw new GradeFailure(`maximizeActivation returned shape [${got.shape.join(', ')}], expected the shape of start, [${c.start.shape.join(', ')}].`);
        const before = await ascentFacts(c.spec, c.layerName, c.channel, c.start);
        const after = await ascentFacts(c.spec, c.layerName, c.channel, got);
        // conv → ReLU → mean is convex in the image, so even one step gains at least η·‖∇‖².
        const promised = c.learningRate * before.gradientNormSquared;
        const slack = relativeTolerance(after.activation, 4 * (termsUpTo(c.spec, c.layerName) + 2));
        if (!(after.activation - before.activation >= 0.5 * promised - slack)) {
          const direction = after.activation < before.activation ? 'fell' : 'rose too little';
          throw new GradeFailure(
            `the mean activation of channel ${c.channel} ${direction}: ${formatNumber(before.activation)} at start, ${formatNumber(after.activation)} after ${c.steps} step(s); ` +
              `gradient ascent gains at least learningRate·‖∇‖² = ${formatNumber(promised)} here. Step along +∇ (x + η·∇), not −∇.`,
          );
        }
      },
      { numRuns: 3, show: showCase },
    );

    ex.test('rejects a channel out of range, a bad step count or learning rate, and a start of the wrong shape', async () => {
      const start = wireTensor(barImage(0, 11));
      const options = (extra: Record<string, Wire>): Wire => ({ steps: 2, learningRate: 1, start, ...extra });
      const cases: { args: Wire[]; why: string; mentions: (string | string[])[] }[] = [
        { args: ['conv1', 8, options({})], why: "for channel 8 of 'conv1', which has channels 0–7", mentions: ['8'] },
        { args: ['conv1', -1, options({})], why: 'for channel -1', mentions: ['-1'] },
        { args: ['conv1', 0, options({ steps: -1 })], why: 'for steps -1', mentions: ['-1'] },
        { args: ['conv1', 0, options({ steps: 2.5 })], why: 'for steps 2.5', mentions: ['2.5'] },
        { args: ['conv1', 0, options({ learningRate: Number.NaN })], why: 'for learningRate NaN', mentions: ['NaN'] },
        {
          args: ['conv1', 0, options({ learningRate: Number.POSITIVE_INFINITY })],
          why: 'for learningRate Infinity (it must be finite)',
          mentions: ['Infinity'],
        },
        {
          args: ['conv1', 0, options({ start: wireTensor({ shape: [20, 20, 1], data: new Float64Array(400) }) })],
          why: 'for a 20×20 start image (the model takes 28×28×1)',
          mentions: ['20'],
        },
        { args: ['logits', 0, options({})], why: "for 'logits', a Dense layer without feature maps", mentions: ['logits'] },
      ];
      for (const c of cases) {
        const thrown = await callWithModelExpectingThrow(ex, 'maximizeActivation', courseModel, c.args, c.why, { inputName: 'options.start' });
        expectInformative('maximizeActivation', c.why, thrown, c.mentions);
      }
    });
  });
}
