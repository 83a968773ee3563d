/**
 * The hidden zoo of Parts C and D: ops whose equivariance (or invariance) is known, each with a
 * name shown to students, an image size, and whether a correct property must pass or fail on it.
 * Kernels, sizes and pixel positions are drawn from the run seed, so a different GRADE_SEED gives
 * a different zoo; the default seed gives the same zoo every time.
 *
 * Float noise and the smallest violation are sized against the README's promises: a property
 * must accept relative differences up to 1e-9 (the noisy ops stay below 4e-10) and catch any of
 * 1e-3 or more (the one-pixel bump makes ≈ 2e-3).
 */
import fc from 'fast-check';
import { findWitness } from './witness.ts';
import type { KernelSpec, OpSpec } from './zoo-ops.ts';

/** The size of the images a property draws. */
export interface Size {
  height: number;
  width: number;
}

/** One op of the zoo and what a correct property does with it. */
export interface ZooEntry {
  /** Shown to the student (the spec is not). */
  name: string;
  spec: OpSpec;
  size: Size;
  /** 'pass': the op has the property, fast-check must find nothing; 'fail': it must find a counterexample. */
  expect: 'pass' | 'fail';
}

/** Relative size of the harmless noise of the noisy ops. */
const noiseScale = 2e-10;
/** Relative size of the one-pixel bump (the smallest violation a property must catch is 1e-3). */
const bumpScale = 2e-3;

/** Draws values from arbitraries, deterministically from one seed. */
class Draw {
  private count = 0;
  constructor(private readonly seed: number) {}
  one<T>(arbitrary: fc.Arbitrary<T>): T {
    return fc.sample(arbitrary, { seed: (this.seed + 7919 * this.count++) | 0, numRuns: 1 })[0];
  }
  /** A side length in [min, max], even when asked. */
  side(min: number, max: number, even = false): number {
    const n = this.one(fc.integer({ min, max }));
    return even && n % 2 === 1 ? n + 1 : n;
  }
  size(min = 4, max = 7, even = false): Size {
    return { height: this.side(min, max, even), width: this.side(min, max, even) };
  }
  /** A kernel with entries in ±[0.25, 2] (never 0, so every tap matters). */
  kernel(kh: number, kw: number): KernelSpec {
    const value = fc.integer({ min: 1, max: 8 }).chain((n) => fc.constantFrom(n / 4, -n / 4));
    return { shape: [kh, kw], values: this.one(fc.array(value, { minLength: kh * kw, maxLength: kh * kw })) };
  }
  pixelIn(size: Size): { row: number; col: number } {
    return { row: this.one(fc.nat(size.height - 1)), col: this.one(fc.nat(size.width - 1)) };
  }
}

/** The ops of Part C: equivariant ones (must pass) and non-equivariant ones (must fail). */
export function equivarianceZoo(seed: number): ZooEntry[] {
  const d = new Draw(seed);
  const pass = (name: string, spec: OpSpec, size: Size): ZooEntry => ({ name, spec, size, expect: 'pass' });
  const fail = (name: string, spec: OpSpec, size: Size): ZooEntry => ({ name, spec, size, expect: 'fail' });
  const bumpSize = d.size();
  const reluSize = d.size();
  const square = d.side(4, 7);
  return [
    pass('the identity', { kind: 'identity' }, d.size(2, 5)),
    pass('ReLU', { kind: 'relu' }, d.size()),
    pass('the pointwise map 0.5·x² − 1', { kind: 'quadratic', a: 0.5, b: -1 }, d.size()),
    pass('circular correlation with a random 3×3 kernel', { kind: 'circularConv', kernel: d.kernel(3, 3) }, d.size()),
    pass('circular correlation with a random 1×5 kernel', { kind: 'circularConv', kernel: d.kernel(1, 5) }, d.size()),
    pass('circular correlation with a random 5×5 kernel, larger than the image', { kind: 'circularConv', kernel: d.kernel(5, 5) }, d.size(2, 4)),
    pass(
      'circular correlation → ReLU → circular correlation',
      { kind: 'compose', steps: [{ kind: 'circularConv', kernel: d.kernel(3, 3) }, { kind: 'relu' }, { kind: 'circularConv', kernel: d.kernel(3, 1) }] },
      d.size(),
    ),
    pass('a circular shift by (1, −2)', { kind: 'shift', dy: 1, dx: -2 }, d.size()),
    pass(
      `circular correlation with harmless float rounding noise (≤ ${noiseScale} relative)`,
      {
        kind: 'compose',
        steps: [
          { kind: 'circularConv', kernel: d.kernel(3, 3) },
          { kind: 'roundingNoise', scale: noiseScale },
        ],
      },
      d.size(),
    ),
    fail("zero-padded 'same' correlation with a random 3×3 kernel", { kind: 'zeroPaddedConv', kernel: d.kernel(3, 3) }, d.size()),
    fail('stride-2 circular correlation (output ⌈H/2⌉×⌈W/2⌉)', { kind: 'stride2Conv', kernel: d.kernel(3, 3) }, d.size(4, 7, true)),
    fail(
      'stride-2 circular correlation, upsampled back to H×W',
      { kind: 'compose', steps: [{ kind: 'stride2Conv', kernel: d.kernel(3, 3) }, { kind: 'upsample2' }] },
      d.size(4, 7, true),
    ),
    fail('a coordinate-dependent op (row i multiplied by i + 1)', { kind: 'rowScale' }, d.size()),
    fail('the transpose (square images)', { kind: 'transpose' }, { height: square, width: square }),
    fail('a left–right mirror', { kind: 'flipColumns' }, d.size(4, 7)),
    fail(
      `circular correlation with one output pixel off by ${bumpScale} (relative)`,
      {
        kind: 'compose',
        steps: [
          { kind: 'circularConv', kernel: d.kernel(3, 3) },
          { kind: 'bumpPixel', ...d.pixelIn(bumpSize), amount: bumpScale },
        ],
      },
      bumpSize,
    ),
    fail('the identity with a ReLU at one pixel (it differs only where that pixel is negative)', { kind: 'reluAtPixel', ...d.pixelIn(reluSize) }, reluSize),
    fail('max-pool 2×2, stride 2', { kind: 'maxPool2x2' }, d.size(4, 7, true)),
    fail('global average pool (a 1×1 output)', { kind: 'globalAvgPool' }, d.size()),
    // Views: a property must read values through .get, not compare storage (.data).
    pass('ReLU, returned as a column-major view', { kind: 'stored', layout: 'column-major', op: { kind: 'relu' } }, d.size()),
    pass(
      'circular correlation with a random 3×3 kernel, returned as a view with an offset',
      { kind: 'stored', layout: 'offset', op: { kind: 'circularConv', kernel: d.kernel(3, 3) } },
      d.size(),
    ),
  ];
}

/** The ops of Part D: invariant ones (must pass) and others (must fail). */
export function invarianceZoo(seed: number): ZooEntry[] {
  const d = new Draw(seed ^ 0x5bd1e995);
  const pass = (name: string, spec: OpSpec, size: Size): ZooEntry => ({ name, spec, size, expect: 'pass' });
  const fail = (name: string, spec: OpSpec, size: Size): ZooEntry => ({ name, spec, size, expect: 'fail' });
  const pixelSize = d.size();
  return [
    pass('global average pool', { kind: 'globalAvgPool' }, d.size()),
    pass('global max pool', { kind: 'globalMaxPool' }, d.size()),
    pass(
      'circular correlation → ReLU → global average pool',
      { kind: 'compose', steps: [{ kind: 'circularConv', kernel: d.kernel(3, 3) }, { kind: 'relu' }, { kind: 'globalAvgPool' }] },
      d.size(),
    ),
    pass('the pixel values sorted (a 1×HW output)', { kind: 'sortValues' }, d.size()),
    pass(`global average pool with harmless float rounding noise (≤ ${noiseScale} relative)`, { kind: 'noisyMean', scale: noiseScale }, d.size()),
    fail('a position-weighted sum', { kind: 'weightedSum' }, d.size()),
    fail('the identity', { kind: 'identity' }, d.size()),
    fail('circular correlation with a random 3×3 kernel', { kind: 'circularConv', kernel: d.kernel(3, 3) }, d.size()),
    fail('a single pixel of the image', { kind: 'pixel', ...d.pixelIn(pixelSize) }, pixelSize),
    fail(
      "zero-padded 'same' correlation → global average pool",
      { kind: 'compose', steps: [{ kind: 'zeroPaddedConv', kernel: d.kernel(3, 3) }, { kind: 'globalAvgPool' }] },
      d.size(),
    ),
    fail(
      'stride-2 circular correlation → global average pool',
      { kind: 'compose', steps: [{ kind: 'stride2Conv', kernel: d.kernel(3, 3) }, { kind: 'globalAvgPool' }] },
      d.size(4, 7, true),
    ),
    fail('max-pool 2×2 → global average pool', { kind: 'compose', steps: [{ kind: 'maxPool2x2' }, { kind: 'globalAvgPool' }] }, d.size(4, 7, true)),
    // Views whose storage order changes from call to call: op(x) and op(translate(x)) never share it.
    pass(
      'the pixel values sorted into an H×W grid, stored differently on every call',
      { kind: 'stored', layout: 'varying', op: { kind: 'sortedGrid' } },
      d.size(),
    ),
    pass('global average pool, stored after a different offset on every call', { kind: 'stored', layout: 'varying', op: { kind: 'globalAvgPool' } }, d.size()),
    // Invariant along one axis only: a property must shift both ways.
    fail('the mean of each column (a 1×W output, unchanged by vertical shifts)', { kind: 'columnMeans' }, d.size()),
    fail('the mean of each row (an H×1 output, unchanged by horizontal shifts)', { kind: 'rowMeans' }, d.size()),
  ];
}

/**
 * The zoo of a law for a seed, checked: every op labelled 'fail' has a counterexample the grader
 * can find. (Ops labelled 'pass' have the property by construction, whatever is drawn.) Random
 * kernels could in principle make a 'fail' op degenerate — no such seed is known, 300 seeds were
 * swept — and then the zoo is redrawn from the next seed, deterministically.
 */
export function checkedZoo(law: 'equivariance' | 'invariance', seed: number): ZooEntry[] {
  const build = law === 'equivariance' ? equivarianceZoo : invarianceZoo;
  for (let attempt = 0; attempt < 5; attempt++) {
    const zoo = build(seed + attempt);
    if (zoo.every((entry) => entry.expect === 'pass' || findWitness(law, entry.spec, entry.size, seed) !== undefined)) return zoo;
  }
  throw new Error(`grader: no valid ${law} zoo for seed ${seed}`);
}
