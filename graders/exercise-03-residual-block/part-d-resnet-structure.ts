/**
 * Part D — buildResNet: the seed's network repaired into a classifier. Output [N, numClasses]
 * whose rows are probabilities summing to 1 (random and realistic inputs), exact parameter
 * counts from the formula in expected.ts, the layer order along the data flow, invalid input.
 * Structure and predictions are read from the network as the grader rebuilt it (rebuilt.ts):
 * on every backend the student's process only builds the network and sends it as data.
 */
import fc from 'fast-check';
import type { ExerciseGrader } from '../support/exercise.ts';
import { expectInformative, type Mention } from '../support/errors.ts';
import { GradeFailure } from '../support/failure.ts';
import { formatDense } from '../support/format.ts';
import { callDriver } from '../support/sandbox/driver-protocol.ts';
import type { Dense } from '../support/sandbox/wire.ts';
import { tf } from '../support/tf.ts';
import { float32UnitRoundoff } from '../support/tolerance.ts';
import { draws, resnetSpec, showResNet, type ResNetSpec } from './cases.ts';
import { expectRan } from './check.ts';
import { resnetParams, resnetPath } from './expected.ts';
import type { Graph } from './graph.ts';
import { expectPath } from './path-check.ts';
import { exportResNetOp } from './protocol.ts';
import { structureOf, withRebuilt, type Structure } from './rebuilt.ts';

/** A realistic input: two 32×32 RGB images, 10 classes (CIFAR-10's sizes). */
const realistic: fc.Arbitrary<ResNetSpec> = fc
  .integer({ min: 0, max: 2 ** 31 - 1 })
  .map((seed) => ({ inputShape: [32, 32, 3], numClasses: 10, batch: 2, seed }));

export function gradePartD(ex: ExerciseGrader): void {
  ex.part('D', () => {
    // The network as the grader rebuilt it from model.toJSON() and its weights (rebuilt.ts).
    const network = <T>(c: ResNetSpec, use: (model: tf.LayersModel) => T | Promise<T>): Promise<T> =>
      withRebuilt(ex, exportResNetOp, { inputShape: c.inputShape, numClasses: c.numClasses, seed: c.seed }, 'buildResNet', use, 15_000);
    const describe = (c: ResNetSpec): Promise<Structure> => network(c, structureOf);

    const probabilities = async (c: ResNetSpec): Promise<void> => {
      const [h, w, channels] = c.inputShape;
      const x = draws(c.seed, 1)([c.batch, h, w, channels], 0, 1);
      // Predicted here, by the rebuilt network on the grader's tfjs (cpu), in inference mode.
      const { symbolic, y } = await network(c, async (model) => {
        const input = tf.tensor(Float32Array.from(x.data), x.shape);
        const output = model.apply(input, { training: false }) as tf.Tensor;
        const prediction: Dense = { shape: output.shape.slice(), data: Float64Array.from(await output.data()) };
        tf.dispose([input, output]);
        return { symbolic: model.outputs[0].shape.slice(), y: prediction };
      });
      if (JSON.stringify(symbolic) !== JSON.stringify([null, c.numClasses])) {
        throw new GradeFailure(
          `the model's output has shape [${symbolic.join(', ')}], expected [null, ${c.numClasses}]: end with a global average pool and a dense layer of numClasses units.`,
        );
      }
      if (y.shape.join() !== [c.batch, c.numClasses].join())
        throw new GradeFailure(`the prediction has shape [${y.shape.join(', ')}], expected [${c.batch}, ${c.numClasses}].`);
      // A softmax row is (e_i / Σe): rounding the K quotients and their sum costs about K + 4 units.
      const tolerance = 2 * (c.numClasses + 4) * float32UnitRoundoff;
      for (let row = 0; row < c.batch; row++) {
        const values = Array.from(y.data.slice(row * c.numClasses, (row + 1) * c.numClasses));
        const sum = values.reduce((a, b) => a + b, 0);
        if (values.some((v) => !(v >= 0 && v <= 1)) || !(Math.abs(sum - 1) <= tolerance)) {
          throw new GradeFailure(
            `row ${row} of the prediction is not a probability distribution (entries in [0, 1] summing to 1; the sum is ${sum}): end with activation 'softmax'.`,
            [{ label: 'prediction', body: formatDense(y) }],
          );
        }
      }
    };

    ex.property('output [N, numClasses] whose rows are probabilities summing to 1 (inputs from 1×1 to 16×16)', resnetSpec(16), probabilities, {
      numRuns: 2,
      show: showResNet,
    });
    ex.property('the same on a realistic input (2×32×32×3, 10 classes)', realistic, probabilities, { numRuns: 1, show: showResNet, shrink: false });

    ex.property(
      'exact parameter counts (trainable and total, moving statistics included)',
      resnetSpec(),
      async (c) => {
        const report = await describe(c);
        const graph = report.graph as Graph;
        const biases = graph.nodes.filter((n) => n.className === 'Conv2D' && n.config.useBias === true).reduce((sum, n) => sum + (n.config.filters ?? 0), 0);
        const expected = resnetParams(c.inputShape[2], c.numClasses, biases);
        const sections = [{ label: 'expected', body: expected.formula }];
        if (report.params !== expected.total) throw new GradeFailure(`countParams() is ${report.params}, expected ${expected.total}.`, sections);
        if (report.trainable !== expected.trainable) {
          throw new GradeFailure(
            `the model has ${report.trainable} trainable parameters, expected ${expected.trainable} (every BN has 2C trainable and 2C moving statistics).`,
            sections,
          );
        }
      },
      { numRuns: 3, show: showResNet },
    );

    ex.property(
      'layer order along the data flow (strides, filters and pooling included)',
      resnetSpec(),
      async (c) => {
        const report = await describe(c);
        expectPath(report.graph as Graph, resnetPath(c.numClasses), 'buildResNet');
      },
      { numRuns: 2, show: showResNet },
    );

    ex.test('rejects invalid arguments with an Error that names the value', async () => {
      const cases: { inputShape: number[]; numClasses: number; why: string; mentions: Mention[] }[] = [
        { inputShape: [28, 28, 1], numClasses: 0, why: 'for numClasses 0', mentions: ['numClasses', '0'] },
        { inputShape: [28, 28], numClasses: 4, why: 'for inputShape [28, 28]', mentions: ['inputShape', { rank: 2, shape: [28, 28] }] },
      ];
      for (const c of cases) {
        const report = await callDriver(
          ex,
          exportResNetOp,
          { inputShape: c.inputShape, numClasses: c.numClasses, seed: 1 },
          { label: 'buildResNet', timeoutMs: 10_000 },
        );
        const thrown = report.thrown;
        if (thrown === undefined) throw new GradeFailure(`buildResNet returned instead of throwing ${c.why}.`);
        if (/Remove this line and implement/.test(thrown.message)) expectRan(report, 'buildResNet');
        expectInformative('buildResNet', c.why, thrown, c.mentions);
      }
    });
  });
}
