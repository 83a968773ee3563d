/**
 * Part A — residualBlock's structure, on random options (odd sizes with strides 2, 1×1 inputs,
 * defaults left out): output shape, exact parameter counts (a projection iff strides ≠ 1 or the
 * channels change), layer order along the data flow, BN settings, and errors for invalid options.
 * Every structural fact is read from the block as the grader rebuilt it (rebuilt.ts).
 */
import type { ExerciseGrader } from '../support/exercise.ts';
import { expectInformative } from '../support/errors.ts';
import { GradeFailure } from '../support/failure.ts';
import { callDriver } from '../support/sandbox/driver-protocol.ts';
import type { Wire } from '../support/sandbox/wire.ts';
import { blockSpec, showSpec, type BlockSpec } from './cases.ts';
import { expectRan, shapeWhy } from './check.ts';
import { blockParams, blockPath } from './expected.ts';
import { formatPath, pathOf, type Graph, type GraphNode } from './graph.ts';
import { expectPath } from './path-check.ts';
import { exportBlockOp } from './protocol.ts';
import { structureOf, withRebuilt, type Structure } from './rebuilt.ts';
import { resolve } from './weights.ts';

function biasFilters(graph: Graph): number {
  return graph.nodes.filter((n) => n.className === 'Conv2D' && n.config.useBias === true).reduce((sum, n) => sum + (n.config.filters ?? 0), 0);
}

function convs(graph: Graph): GraphNode[] {
  return graph.nodes.filter((n) => n.className === 'Conv2D');
}

export function gradePartA(ex: ExerciseGrader): void {
  ex.part('A', () => {
    // The block as the grader rebuilt it from model.toJSON() and its weights (rebuilt.ts).
    const describe = (spec: BlockSpec): Promise<Structure> =>
      withRebuilt(ex, exportBlockOp, { inputShape: spec.inputShape, options: spec.options, seed: spec.seed }, 'residualBlock', structureOf);
    const pathSection = (graph: Graph): { label: string; body: string } => ({ label: 'your block, along the data flow', body: formatPath(pathOf(graph)) });

    ex.property(
      'output shape [batch, ⌈H/strides⌉, ⌈W/strides⌉, filters] (random options, odd sizes, 1×1 inputs)',
      blockSpec(),
      async (spec) => {
        const report = await describe(spec);
        const [h, w] = spec.inputShape;
        const { filters, strides } = resolve(spec.options);
        const expected = [null, Math.ceil(h / strides), Math.ceil(w / strides), filters];
        const got = report.outputShape as (number | null)[];
        if (JSON.stringify(got) !== JSON.stringify(expected)) {
          throw new GradeFailure(`the block's output has shape [${got.map(String).join(', ')}], expected [${expected.map(String).join(', ')}].`, [
            pathSection(report.graph as Graph),
            { label: 'why', body: shapeWhy },
          ]);
        }
      },
      { numRuns: 25, show: showSpec },
    );

    ex.property(
      'exact parameter counts; a projection exists iff strides ≠ 1 or the channels change',
      blockSpec(),
      async (spec) => {
        const report = await describe(spec);
        const graph = report.graph as Graph;
        const channels = spec.inputShape[2];
        const { batchNorm } = resolve(spec.options);
        const withoutBias = convs(graph).filter((n) => n.config.useBias !== true);
        if (!batchNorm && withoutBias.length > 0) {
          throw new GradeFailure(`with batchNorm: false every convolution keeps its bias, but ${withoutBias.map((n) => n.layer).join(', ')} has none.`, [
            pathSection(graph),
          ]);
        }
        const expected = blockParams(channels, spec.options, biasFilters(graph));
        const found = convs(graph)
          .map((n) => `${n.config.kernelSize?.join('×')}`)
          .join(', ');
        const sections = [
          { label: 'expected', body: expected.formula },
          { label: 'your convolutions (kernel sizes)', body: found || 'none' },
          pathSection(graph),
        ];
        if (report.params !== expected.total) {
          throw new GradeFailure(`countParams() is ${report.params}, expected ${expected.total}.`, sections);
        }
        if (report.trainable !== expected.trainable) {
          throw new GradeFailure(
            `the block has ${report.trainable} trainable parameters, expected ${expected.trainable} (a BN's moving mean and variance are not trainable; γ and β are).`,
            sections,
          );
        }
      },
      { numRuns: 25, show: showSpec },
    );

    ex.property(
      'layer order along the data flow (kernel sizes, strides, filters and padding included)',
      blockSpec(),
      async (spec) => {
        const report = await describe(spec);
        expectPath(report.graph as Graph, blockPath(spec.inputShape[2], spec.options), 'residualBlock');
      },
      { numRuns: 20, show: showSpec },
    );

    ex.property(
      "batch normalisations use tfjs's defaults (axis −1, momentum 0.99, epsilon 0.001, with γ and β)",
      blockSpec().filter((s) => s.options.batchNorm !== false),
      async (spec) => {
        const report = await describe(spec);
        for (const node of (report.graph as Graph).nodes.filter((n) => n.className === 'BatchNormalization')) {
          const c = node.config;
          const problems: string[] = [];
          if (c.axis !== -1 && c.axis !== 3) problems.push(`axis ${JSON.stringify(c.axis)} (expected −1, the channels)`);
          if (c.momentum !== 0.99) problems.push(`momentum ${c.momentum} (expected 0.99; PyTorch's momentum 0.1 means 0.9 here)`);
          if (c.epsilon !== 0.001) problems.push(`epsilon ${c.epsilon} (expected 0.001)`);
          if (c.center !== true || c.scale !== true) problems.push('center or scale turned off (expected both: β and γ)');
          if (problems.length > 0)
            throw new GradeFailure(`the batch normalisation ${node.layer} has ${problems.join(', ')}.`, [
              { label: 'fix', body: 'use tf.layers.batchNormalization() with no arguments' },
            ]);
        }
      },
      { numRuns: 10, show: showSpec },
    );

    ex.test('rejects invalid options with an Error that names the value', async () => {
      const cases: { options: Wire; why: string; mentions: string[] }[] = [
        { options: { filters: 0 }, why: 'for filters 0', mentions: ['filters', '0'] },
        { options: { filters: 2.5 }, why: 'for filters 2.5', mentions: ['filters', '2.5'] },
        { options: { filters: 4, strides: 3 }, why: 'for strides 3', mentions: ['strides', '3'] },
      ];
      for (const c of cases) {
        const report = await callDriver(ex, exportBlockOp, { inputShape: [4, 4, 2], options: c.options, seed: 1 }, { label: 'residualBlock' });
        const thrown = report.thrown;
        if (thrown === undefined) throw new GradeFailure(`residualBlock returned instead of throwing ${c.why}.`);
        if (/Remove this line and implement/.test(thrown.message)) expectRan(report, 'residualBlock');
        expectInformative('residualBlock', c.why, thrown, c.mentions);
      }
    });
  });
}
