/**
 * Part A — outputSize: the length tf.conv2d produces, the reference's answer on random (also
 * invalid) arguments, and informative errors.
 */
import fc from 'fast-check';
import type { ExerciseGrader } from '../support/exercise.ts';
import { expectInformative } from '../support/errors.ts';
import { GradeFailure } from '../support/failure.ts';
import { caseCounts } from './case-counts.ts';
import { minInput, options, showOptions, type Options } from './cases.ts';
import { tfConv2d } from './tf-oracle.ts';

interface SizeCase {
  n: number;
  k: number;
  options: Options;
}

const validCase: fc.Arbitrary<SizeCase> = options(4, 4).chain((o) =>
  fc.record({ k: fc.integer({ min: 1, max: 7 }), extra: fc.nat(12) }).map(({ k, extra }) => ({ n: minInput(k, o) + extra, k, options: o })),
);

/** Arguments that may be invalid in one place: the reference decides what must throw. */
const anyCase: fc.Arbitrary<SizeCase> = fc.record({
  n: fc.oneof(fc.integer({ min: 1, max: 20 }), fc.constantFrom(0, -3, 2.5)),
  k: fc.oneof(fc.integer({ min: 1, max: 9 }), fc.constantFrom(0, 1.5)),
  options: fc.record(
    {
      stride: fc.oneof(fc.integer({ min: 1, max: 4 }), fc.constantFrom(0, -1, 1.5)),
      padding: fc.oneof(fc.constantFrom<'valid' | 'same'>('valid', 'same'), fc.integer({ min: 0, max: 4 }), fc.constantFrom(-1, 0.5)),
      dilation: fc.oneof(fc.integer({ min: 1, max: 3 }), fc.constantFrom(0, 2.5)),
    },
    { requiredKeys: [] },
  ),
});

const show = (c: SizeCase) => [{ label: 'call', body: `outputSize(${c.n}, ${c.k}, ${showOptions(c.options)})` }];

/** Invalid arguments, each with what its message must mention. */
const invalid: { args: [number, number, unknown]; why: string; mentions: string[] }[] = [
  { args: [5, 3, { padding: -1 }], why: 'for padding -1', mentions: ['-1'] },
  { args: [5, 3, { padding: 1.5 }], why: 'for padding 1.5', mentions: ['1.5'] },
  { args: [5, 3, { padding: 'full' }], why: "for padding 'full'", mentions: ['full'] },
  { args: [5, 3, { stride: 0 }], why: 'for stride 0', mentions: ['stride', '0'] },
  { args: [5, 3, { stride: 1.5 }], why: 'for stride 1.5', mentions: ['1.5'] },
  { args: [5, 3, { dilation: 0 }], why: 'for dilation 0', mentions: ['dilation', '0'] },
  { args: [5, 7, {}], why: "when a 7-wide kernel does not fit a 5-wide 'valid' input", mentions: ['7', '5'] },
  { args: [5, 3, { dilation: 3 }], why: 'when a 3-wide kernel with dilation 3 (span 7) does not fit a 5-wide input', mentions: ['5'] },
  { args: [0, 3, {}], why: 'for inputSize 0', mentions: ['0'] },
];

export function gradePartA(ex: ExerciseGrader): void {
  ex.part('A', () => {
    ex.property(
      'matches the output length tf.conv2d gives',
      validCase,
      async (c) => {
        const { value } = await ex.call('outputSize', [c.n, c.k, c.options]);
        const out = await tfConv2d({ shape: [1, c.n, 1, 1], data: new Float64Array(c.n) }, { shape: [c.k, 1, 1, 1], data: new Float64Array(c.k) }, c.options);
        if (value !== out.shape[1]) {
          throw new GradeFailure(
            `outputSize(${c.n}, ${c.k}, ${showOptions(c.options)}) returned ${String(value)}, expected ${out.shape[1]} (what tf.conv2d produces).`,
          );
        }
      },
      { numRuns: caseCounts.A.outputLength, show },
    );

    ex.property(
      'agrees with the reference on random arguments, valid or not',
      anyCase,
      async (c) => {
        const expected = await ex.reference.call('outputSize', [c.n, c.k, c.options]);
        const call = `outputSize(${c.n}, ${c.k}, ${showOptions(c.options)})`;
        if (expected !== null && typeof expected === 'object' && '$threw' in expected) {
          await ex.callExpectingThrow('outputSize', [c.n, c.k, c.options], `for ${call} (invalid: ${String(expected.$threw)})`);
          return;
        }
        const { value } = await ex.call('outputSize', [c.n, c.k, c.options]);
        if (value !== expected) throw new GradeFailure(`${call} returned ${String(value)}, expected ${String(expected)}.`);
      },
      { numRuns: caseCounts.A.anyArguments, show },
    );

    ex.test('rejects invalid arguments with an Error that names the value given', async () => {
      for (const { args, why, mentions } of invalid) {
        const thrown = await ex.callExpectingThrow('outputSize', args as never, why);
        expectInformative('outputSize', why, thrown, mentions);
      }
    });
  });
}
