/**
 * Part A — getFilters: the trained kernel of the course model and of any named conv layer of
 * random models (exactly: it is a copy), returned as a copy the caller may dispose, and clear
 * errors for a missing layer (names match exactly, not by prefix) or a layer that is not a
 * Conv2D (pooling, dense, and depthwise, separable or transposed convolutions).
 */
import fc from 'fast-check';
import { expectClose } from '../support/compare.ts';
import { expectInformative } from '../support/errors.ts';
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure } from '../support/failure.ts';
import { randomModel, showModel } from './cases.ts';
import { callWithModel, callWithModelExpectingThrow, fromTensor } from './check.ts';
import { convLayers, type ModelSpec } from './models.ts';
import { referenceWithModel } from './reference-calls.ts';

const courseModel: ModelSpec = { kind: 'course' };

/** A Conv2D followed by the three convolutions that are not Conv2D (each has a 4-D first weight). */
const otherConvolutions: ModelSpec = {
  kind: 'random',
  input: [8, 8, 3],
  layers: [
    { kind: 'conv', name: 'conv_a', filters: 4, kernel: [3, 3], padding: 'same', activation: 'relu' },
    { kind: 'depthwise', name: 'depthwise', filters: 4 },
    { kind: 'separable', name: 'separable', filters: 4 },
    { kind: 'transposed', name: 'transposed', filters: 2 },
  ],
  seed: 4,
};

/** A random model with at least one conv layer and the name of one of them. */
const namedConv = randomModel.chain((spec) => fc.record({ spec: fc.constant(spec), layerName: fc.constantFrom(...convLayers(spec).map((c) => c.name)) }));

async function agrees(ex: ExerciseGrader, spec: ModelSpec, layerName: string): Promise<void> {
  const what = `getFilters(model, '${layerName}')`;
  const got = fromTensor(await callWithModel(ex, 'getFilters', spec, [layerName]), `the result of ${what}`);
  const expected = fromTensor(await referenceWithModel(ex, 'getFilters', spec, [layerName]), 'the reference kernel');
  // A copy of float32 weights is exact.
  expectClose(got, expected, 0, { what: `the result of ${what}`, backend: ex.backend });
}

export function gradePartA(ex: ExerciseGrader): void {
  ex.part('A', () => {
    ex.test("returns the course model's trained conv1 kernel [7, 7, 1, 8], as a copy", async () => {
      await agrees(ex, courseModel, 'conv1');
    });

    ex.property(
      'returns the kernel of the named conv layer of random models (1 or 3 channels, non-square kernels)',
      namedConv,
      ({ spec, layerName }) => agrees(ex, spec, layerName),
      {
        numRuns: 12,
        show: ({ spec, layerName }) => [showModel(spec), { label: 'layerName', body: `'${layerName}'` }],
      },
    );

    ex.test('rejects a missing layer and a layer that is not a convolution, naming the layer', async () => {
      const cases = [
        { layerName: 'conv2', why: "for a layer name the model does not have ('conv2')", mentions: ['conv2'] },
        { layerName: 'pool', why: "for 'pool', a GlobalMaxPooling2D layer (no kernel)", mentions: ['pool'] },
        { layerName: 'logits', why: "for 'logits', a Dense layer (not a convolution)", mentions: ['logits'] },
        { layerName: 'conv', why: "for 'conv', only the beginning of the name 'conv1' (names match exactly)", mentions: ['conv'] },
      ];
      for (const c of cases) {
        const thrown = await callWithModelExpectingThrow(ex, 'getFilters', courseModel, [c.layerName], c.why);
        expectInformative('getFilters', c.why, thrown, c.mentions);
      }
    });

    ex.test('rejects depthwise, separable and transposed convolutions (only Conv2D has filters here), naming the layer', async () => {
      for (const layerName of ['depthwise', 'separable', 'transposed']) {
        const why = `for '${layerName}', a convolution layer that is not a Conv2D`;
        try {
          const thrown = await callWithModelExpectingThrow(ex, 'getFilters', otherConvolutions, [layerName], why);
          expectInformative('getFilters', why, thrown, [layerName]);
        } catch (error) {
          if (error instanceof GradeFailure) throw error.with(showModel(otherConvolutions));
          throw error;
        }
      }
    });
  });
}
