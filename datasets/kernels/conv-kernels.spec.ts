import { beforeAll, describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as tf from '@tensorflow/tfjs';
import type { KernelBackend, KernelFunc, NamedAttrMap, TensorInfo } from '@tensorflow/tfjs';
import { convGeometry } from './conv-geometry.ts';
import type { ConvGeometry, ConvPad } from './conv-geometry.ts';
import { registerFastConvKernels, stockKernel } from './register.ts';

/** Fixed seed: the same cases every run; fast-check prints it with any failure. */
const SEED = 0xc0417;
/** float32 unit roundoff. */
const U = 2 ** -24;

beforeAll(async () => {
  tf.env().set('PROD', true);
  await tf.setBackend('cpu');
  registerFastConvKernels();
});

const backend = () => tf.backend() as KernelBackend;

/** Calls a kernel function directly on plain arrays; returns a copy of its output. */
function call(fn: KernelFunc, inputs: Record<string, tf.Tensor>, attrs: object): Float32Array {
  const info = fn({ inputs, backend: backend(), attrs: attrs as NamedAttrMap }) as TensorInfo;
  const out = Float32Array.from(backend().readSync(info.dataId) as Float32Array);
  backend().disposeData(info.dataId);
  return out;
}

/** The registered (fast) kernel, through the engine as tfjs itself calls it. */
function viaRegistry(name: string, inputs: Record<string, tf.Tensor>, attrs: object): Float32Array {
  const t = tf.engine().runKernel(name, inputs, attrs as NamedAttrMap) as tf.Tensor;
  const out = t.dataSync() as Float32Array;
  t.dispose();
  return out;
}

/**
 * Asserts |got − want| ≤ γ_n · Σ|terms| + tiny element-wise, where n terms were
 * summed and Σ|terms| is `absSum`: the textbook bound (Higham, Accuracy and
 * Stability, §3.1) for any float32 summation order, γ_n = n·u / (1 − n·u).
 * NaN must match NaN.
 */
function expectClose(got: Float32Array, want: Float32Array, absSum: Float32Array, n: number, what: string): void {
  expect(got.length, `${what}: length`).toBe(want.length);
  const gamma = (n * U) / (1 - n * U);
  for (let i = 0; i < want.length; i++) {
    if (Number.isNaN(want[i]) || Number.isNaN(got[i])) {
      expect(Number.isNaN(got[i]), `${what}: element ${i}: got ${got[i]}, want ${want[i]}`).toBe(Number.isNaN(want[i]));
      continue;
    }
    const tol = 2 * gamma * absSum[i] + 1e-30;
    if (!(Math.abs(got[i] - want[i]) <= tol)) {
      expect.fail(`${what}: element ${i}: got ${got[i]}, want ${want[i]}, |diff| ${Math.abs(got[i] - want[i])} > tolerance ${tol} (n=${n})`);
    }
  }
}

/** Test names by configuration, tfjs style: `x=[1,4,4,1] f=[3,3,1,2] s=2 d=1 p=same`. */
const describeCase = (c: Case) =>
  `x=[${c.xShape}] f=[${c.fShape}] s=${c.strides} d=${c.dilations} p=${JSON.stringify(c.pad)}${c.dimRoundingMode ? ` ${c.dimRoundingMode}` : ''}`;

interface Case {
  xShape: [number, number, number, number];
  fShape: [number, number, number, number];
  strides: [number, number];
  dilations: [number, number];
  pad: ConvPad;
  dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

/** Padding in every form tfjs accepts: 'valid', 'same', a number (with a rounding mode or none), explicit pairs. */
const padArb: fc.Arbitrary<Pick<Case, 'pad' | 'dimRoundingMode'>> = fc.oneof(
  fc.constantFrom<ConvPad>('valid', 'same').map((pad) => ({ pad })),
  fc.record({
    pad: fc.integer({ min: 0, max: 2 }),
    dimRoundingMode: fc.constantFrom(undefined, 'floor', 'round', 'ceil') as fc.Arbitrary<Case['dimRoundingMode']>,
  }),
  fc.tuple(fc.nat(2), fc.nat(2), fc.nat(2), fc.nat(2)).map(([t, b, l, r]) => ({
    pad: [
      [0, 0],
      [t, b],
      [l, r],
      [0, 0],
    ] as ConvPad,
  })),
);

/** Random shapes, strides, dilations (when allowed) and padding whose output is non-empty. */
const caseArb = (maxDilation: number): fc.Arbitrary<Case> =>
  fc
    .record({
      b: fc.integer({ min: 1, max: 3 }),
      h: fc.integer({ min: 1, max: 9 }),
      w: fc.integer({ min: 1, max: 9 }),
      inC: fc.integer({ min: 1, max: 3 }),
      outC: fc.integer({ min: 1, max: 4 }),
      fh: fc.integer({ min: 1, max: 4 }),
      fw: fc.integer({ min: 1, max: 4 }),
      sh: fc.integer({ min: 1, max: 3 }),
      sw: fc.integer({ min: 1, max: 3 }),
      dh: fc.integer({ min: 1, max: maxDilation }),
      dw: fc.integer({ min: 1, max: maxDilation }),
      p: padArb,
    })
    .map(({ b, h, w, inC, outC, fh, fw, sh, sw, dh, dw, p }) => ({
      xShape: [b, h, w, inC] as Case['xShape'],
      fShape: [fh, fw, inC, outC] as Case['fShape'],
      strides: [sh, sw] as [number, number],
      dilations: [dh, dw] as [number, number],
      ...p,
    }))
    .filter((c) => {
      const g = geometry(c);
      return g !== null && g.outH > 0 && g.outW > 0;
    });

function geometry(c: Case): ConvGeometry | null {
  try {
    return convGeometry(c.xShape, c.fShape, c);
  } catch {
    return null;
  }
}

/** Values in [-2, 2] with plenty of exact zeros (the kernels skip zeros: that path must be right too). */
const valuesArb = (n: number) =>
  fc
    .array(fc.oneof({ weight: 1, arbitrary: fc.constant(0) }, { weight: 2, arbitrary: fc.float({ min: -2, max: 2, noNaN: true }) }), {
      minLength: n,
      maxLength: n,
    })
    .map((a) => Float32Array.from(a));

const size = (s: readonly number[]) => s.reduce((a, b) => a * b, 1);

/** Conv2DBackpropFilter oracle built from other tfjs ops (pad, strided slices, matMul): works for any dilation. */
function backpropFilterBySlices(x: tf.Tensor4D, dy: tf.Tensor4D, g: ConvGeometry): Float32Array {
  return tf.tidy(() => {
    const needH = (g.outH - 1) * g.strideH + (g.filterH - 1) * g.dilationH + 1;
    const needW = (g.outW - 1) * g.strideW + (g.filterW - 1) * g.dilationW + 1;
    const xp = tf.pad(x, [
      [0, 0],
      [g.top, Math.max(0, needH - g.inH - g.top)],
      [g.left, Math.max(0, needW - g.inW - g.left)],
      [0, 0],
    ]);
    const taps: tf.Tensor[] = [];
    for (let kh = 0; kh < g.filterH; kh++) {
      for (let kw = 0; kw < g.filterW; kw++) {
        const r0 = kh * g.dilationH,
          c0 = kw * g.dilationW;
        const patch = tf.stridedSlice(
          xp,
          [0, r0, c0, 0],
          [g.batch, r0 + (g.outH - 1) * g.strideH + 1, c0 + (g.outW - 1) * g.strideW + 1, g.inC],
          [1, g.strideH, g.strideW, 1],
        );
        taps.push(tf.matMul(patch.reshape([-1, g.inC]), dy.reshape([-1, g.outC]), true, false));
      }
    }
    return tf.stack(taps).dataSync() as Float32Array;
  });
}

describe('registerFastConvKernels', () => {
  it('is idempotent and keeps the stock kernels as fallbacks', () => {
    const before = ['Conv2DBackpropFilter', 'Conv2D', 'FusedConv2D'].map((n) => tf.getKernel(n, 'cpu').kernelFunc);
    registerFastConvKernels();
    const after = ['Conv2DBackpropFilter', 'Conv2D', 'FusedConv2D'].map((n) => tf.getKernel(n, 'cpu').kernelFunc);
    expect(after).toEqual(before);
    for (const [i, n] of ['Conv2DBackpropFilter', 'Conv2D', 'FusedConv2D'].entries()) expect(stockKernel(n)).not.toBe(after[i]);
  });
});

describe('Conv2DBackpropFilter: fast kernel = stock kernel (property)', () => {
  it('random batch, sizes, channels, kernels, strides and padding (incl. explicit and rounding modes)', () => {
    fc.assert(
      fc.property(
        caseArb(1).chain((c) => {
          const g = geometry(c)!;
          return fc.tuple(fc.constant(c), valuesArb(size(c.xShape)), valuesArb(g.batch * g.outH * g.outW * g.outC));
        }),
        ([c, xv, dyv]) => {
          const g = geometry(c)!;
          const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dimRoundingMode: c.dimRoundingMode, filterShape: c.fShape };
          tf.tidy(() => {
            const x = tf.tensor4d(xv, c.xShape);
            const dy = tf.tensor4d(dyv, [g.batch, g.outH, g.outW, g.outC]);
            const fast = viaRegistry('Conv2DBackpropFilter', { x, dy }, attrs);
            const stock = call(stockKernel('Conv2DBackpropFilter'), { x, dy }, attrs);
            const absSum = call(stockKernel('Conv2DBackpropFilter'), { x: x.abs(), dy: dy.abs() }, attrs);
            expectClose(fast, stock, absSum, g.batch * g.outH * g.outW, describeCase(c));
          });
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('with dilations (which the stock kernel ignores): equals an oracle built from pad + strided slices + matMul', () => {
    fc.assert(
      fc.property(
        caseArb(3).chain((c) => {
          const g = geometry(c)!;
          return fc.tuple(fc.constant(c), valuesArb(size(c.xShape)), valuesArb(g.batch * g.outH * g.outW * g.outC));
        }),
        ([c, xv, dyv]) => {
          const g = geometry(c)!;
          const attrs = {
            strides: c.strides,
            pad: c.pad,
            dataFormat: 'NHWC',
            dimRoundingMode: c.dimRoundingMode,
            filterShape: c.fShape,
            dilations: c.dilations,
          };
          tf.tidy(() => {
            const x = tf.tensor4d(xv, c.xShape);
            const dy = tf.tensor4d(dyv, [g.batch, g.outH, g.outW, g.outC]);
            const fast = viaRegistry('Conv2DBackpropFilter', { x, dy }, attrs);
            const oracle = backpropFilterBySlices(x, dy, g);
            const absSum = backpropFilterBySlices(x.abs(), dy.abs(), g);
            expectClose(fast, oracle, absSum, g.batch * g.outH * g.outW, describeCase(c));
          });
        },
      ),
      { seed: SEED, numRuns: 100 },
    );
  });

  // The training size but 4 images, not 64: the stock kernel needs ~5 s for 64.
  it('at realistic sizes: x=[4,28,28,1] f=[7,7,1,8] s=1 p=same, and x=[4,16,16,4] f=[3,3,4,6] s=2 p=same', () => {
    const cases: Array<[[number, number, number, number], [number, number, number, number], number]> = [
      [[4, 28, 28, 1], [7, 7, 1, 8], 1],
      [[4, 16, 16, 4], [3, 3, 4, 6], 2],
    ];
    for (const [xShape, fShape, strides] of cases) {
      const g = convGeometry(xShape, fShape, { strides, pad: 'same' });
      const attrs = { strides, pad: 'same', dataFormat: 'NHWC', filterShape: fShape };
      tf.tidy(() => {
        const x = tf.randomUniform(xShape, -1, 1, 'float32', 1);
        const dy = tf.randomUniform([g.batch, g.outH, g.outW, g.outC], -1, 1, 'float32', 2);
        const absSum = call(stockKernel('Conv2DBackpropFilter'), { x: x.abs(), dy: dy.abs() }, attrs);
        expectClose(
          viaRegistry('Conv2DBackpropFilter', { x, dy }, attrs),
          call(stockKernel('Conv2DBackpropFilter'), { x, dy }, attrs),
          absSum,
          g.batch * g.outH * g.outW,
          `x=[${xShape}]`,
        );
      });
    }
  });

  it('propagates NaN like the stock kernel (∞ in x times a zero dy row)', () => {
    const attrs = { strides: 1, pad: 'valid', dataFormat: 'NHWC', filterShape: [2, 2, 1, 1] };
    tf.tidy(() => {
      const x = tf.tensor4d([Infinity, 1, 1, 1, 1, 1, 1, 1, 1], [1, 3, 3, 1]);
      const dy = tf.tensor4d([0, 1, 1, 1], [1, 2, 2, 1]);
      const stock = call(stockKernel('Conv2DBackpropFilter'), { x, dy }, attrs);
      expect(Number.isNaN(stock[0])).toBe(true);
      expect(Array.from(viaRegistry('Conv2DBackpropFilter', { x, dy }, attrs))).toEqual(Array.from(stock));
    });
  });

  it('tf.grad through tf.conv2d uses it and agrees with the stock kernel', () => {
    tf.tidy(() => {
      const x = tf.randomUniform([2, 6, 6, 2], -1, 1, 'float32', 3) as tf.Tensor4D;
      const w = tf.randomUniform([3, 3, 2, 3], -1, 1, 'float32', 4) as tf.Tensor4D;
      const dy = tf.randomUniform([2, 6, 6, 3], -1, 1, 'float32', 5);
      const grad = tf.grad((f: tf.Tensor) =>
        tf
          .conv2d(x, f as tf.Tensor4D, 1, 'same')
          .mul(dy)
          .sum(),
      )(w);
      const attrs = { strides: 1, pad: 'same', dataFormat: 'NHWC', filterShape: [3, 3, 2, 3] };
      const absSum = call(stockKernel('Conv2DBackpropFilter'), { x: x.abs(), dy: dy.abs() }, attrs);
      expectClose(grad.dataSync() as Float32Array, call(stockKernel('Conv2DBackpropFilter'), { x, dy }, attrs), absSum, 72, 'tf.grad');
    });
  });
});

describe('Conv2D and FusedConv2D: fast kernels = stock kernels (property)', () => {
  it('Conv2D: random sizes, strides, dilations and padding', () => {
    fc.assert(
      fc.property(
        caseArb(3).chain((c) => fc.tuple(fc.constant(c), valuesArb(size(c.xShape)), valuesArb(size(c.fShape)))),
        ([c, xv, fv]) => {
          const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dilations: c.dilations, dimRoundingMode: c.dimRoundingMode };
          tf.tidy(() => {
            const x = tf.tensor4d(xv, c.xShape);
            const filter = tf.tensor4d(fv, c.fShape);
            const absSum = call(stockKernel('Conv2D'), { x: x.abs(), filter: filter.abs() }, attrs);
            expectClose(
              viaRegistry('Conv2D', { x, filter }, attrs),
              call(stockKernel('Conv2D'), { x, filter }, attrs),
              absSum,
              size(c.fShape.slice(0, 3)),
              describeCase(c),
            );
          });
        },
      ),
      { seed: SEED, numRuns: 200 },
    );
  });

  it('FusedConv2D: with and without bias, linear / relu (fast path) and elu (delegated)', () => {
    fc.assert(
      fc.property(
        caseArb(2).chain((c) =>
          fc.tuple(
            fc.constant(c),
            valuesArb(size(c.xShape)),
            valuesArb(size(c.fShape)),
            valuesArb(c.fShape[3]),
            fc.boolean(),
            fc.constantFrom('linear', 'relu', 'elu'),
          ),
        ),
        ([c, xv, fv, bv, withBias, activation]) => {
          const attrs = { strides: c.strides, pad: c.pad, dataFormat: 'NHWC', dilations: c.dilations, dimRoundingMode: c.dimRoundingMode, activation };
          tf.tidy(() => {
            const inputs: Record<string, tf.Tensor> = { x: tf.tensor4d(xv, c.xShape), filter: tf.tensor4d(fv, c.fShape) };
            if (withBias) inputs.bias = tf.tensor1d(bv);
            const absInputs = Object.fromEntries(Object.entries(inputs).map(([k, t]) => [k, t.abs()]));
            const absSum = call(stockKernel('FusedConv2D'), absInputs, { ...attrs, activation: 'linear' });
            expectClose(
              viaRegistry('FusedConv2D', inputs, attrs),
              call(stockKernel('FusedConv2D'), inputs, attrs),
              absSum,
              size(c.fShape.slice(0, 3)) + 1,
              `${describeCase(c)} ${activation}${withBias ? ' +bias' : ''}`,
            );
          });
        },
      ),
      { seed: SEED, numRuns: 150 },
    );
  });

  it('propagates NaN like the stock kernel (a zero input times an ∞ weight)', () => {
    const attrs = { strides: 1, pad: 'valid', dataFormat: 'NHWC', dilations: 1 };
    tf.tidy(() => {
      const x = tf.tensor4d([0, 0, 0, 0], [1, 2, 2, 1]);
      const filter = tf.tensor4d([Infinity], [1, 1, 1, 1]);
      const stock = call(stockKernel('Conv2D'), { x, filter }, attrs);
      expect(stock.every(Number.isNaN)).toBe(true);
      expect(viaRegistry('Conv2D', { x, filter }, attrs).every(Number.isNaN)).toBe(true);
    });
  });

  it('delegates NCHW to the stock kernel', () => {
    // The CPU backend's stock Conv2D supports NCHW; the fast path does not and must hand it over.
    const attrs = { strides: 1, pad: 'valid', dataFormat: 'NCHW', dilations: 1 };
    tf.tidy(() => {
      const x = tf.randomUniform([1, 2, 4, 4], -1, 1, 'float32', 6);
      const filter = tf.randomUniform([3, 3, 2, 2], -1, 1, 'float32', 7);
      expect(Array.from(viaRegistry('Conv2D', { x, filter }, attrs))).toEqual(Array.from(call(stockKernel('Conv2D'), { x, filter }, attrs)));
    });
  });
});
