/**
 * Part A — getFilters: the trained kernel of the course model and of any named conv layer of
 * random models (exactly: it is a copy), returned as a copy the caller may dispose, and clear
 * errors for a missing layer or a layer that is not a convolution.
 */
import fc from 'fast-check';
import { expectClose } from '../support/compare.ts';
import { expectInformative } from '../support/errors.ts';
import type { ExerciseGrader } from '../support/exercise.ts';
import { randomModel, showModel } from './cases.ts';
import { callWithModel, callWithModelExpectingThrow, fromTensor } from './check.ts';
import { convLayers, type ModelSpec } from './models.ts';
import { referenceWithModel } from './reference-calls.ts';

const courseModel: ModelSpec = { kind: 'course' };

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

    ex.property('returns the kernel of the named conv layer of random models (1 or 3 channels, non-square kernels)', namedConv, ({ spec, layerName }) => agrees(ex, spec, layerName), {
      numRuns: 12,
      show: ({ spec, layerName }) => [showModel(spec), { label: 'layerName', body: `'${layerName}'` }],
    });

    ex.test('rejects a missing layer and a layer that is not a convolution, naming the layer', async () => {
      const cases = [
        { layerName: 'conv2', why: "for a layer name the model does not have ('conv2')", mentions: ['conv2'] },
        { layerName: 'pool', why: "for 'pool', a GlobalMaxPooling2D layer (no kernel)", mentions: ['pool'] },
        { layerName: 'logits', why: "for 'logits', a Dense layer (not a convolution)", mentions: ['logits'] },
      ];
      for (const c of cases) {
        const thrown = await callWithModelExpectingThrow(ex, 'getFilters', courseModel, [c.layerName], c.why);
        expectInformative('getFilters', c.why, thrown, c.mentions);
      }
    });
  });
}
