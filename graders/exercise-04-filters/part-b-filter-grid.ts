/**
 * Part B — filterGrid on plain tensors: the grid's size and layout (tile positions, gaps,
 * per-tile min 0 / max 1, constant filters at 0.5), agreement with the reference on random and
 * realistic banks, exact pixels on fixed fixtures, the course model's filters as a picture
 * (out/exercise-04/filters.png), and errors for channel counts other than 1 and 3 and for invalid
 * options. On webgpu, a difference that a known backend bug explains is not counted (backend-bugs.ts).
 */
import type fc from 'fast-check';
import { expectClose } from '../support/compare.ts';
import { expectInformative } from '../support/errors.ts';
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure } from '../support/failure.ts';
import { formatDense, formatNumber } from '../support/format.ts';
import { type Dense, type Wire, wireTensor } from '../support/sandbox/wire.ts';
import { relativeTolerance } from '../support/tolerance.ts';
import { dense, gridCase, showGrid, type GridCase } from './cases.ts';
import { unlessBackendBug } from './backend-bugs.ts';
import { fromTensor } from './check.ts';
import { courseKernel } from './oracle.ts';
import { writePng } from './pictures.ts';

/** (v − min) / (max − min) in float32: a few roundings of a value in [0, 1] (webgpu divides to 2.5 ulp). */
const tolerance = relativeTolerance(1, 16);

function args(c: GridCase): Wire[] {
  return c.options === undefined ? [wireTensor(c.filters)] : [wireTensor(c.filters), { ...c.options }];
}

/** The grid geometry the README specifies. */
function layout(c: GridCase): { rows: number; columns: number; padding: number; background: number; height: number; width: number } {
  const [kh, kw, , n] = c.filters.shape;
  const columns = c.options?.columns ?? Math.ceil(Math.sqrt(n));
  const padding = c.options?.padding ?? 1;
  const background = c.options?.background ?? 1;
  const rows = Math.ceil(n / columns);
  return { rows, columns, padding, background, height: rows * kh + (rows - 1) * padding, width: columns * kw + (columns - 1) * padding };
}

/**
 * Runs a check of the student's grid; on webgpu, a failure that a known backend bug explains (a
 * sum of one canvas per tile with tf.addN: n or n + 1 tensors) is not counted.
 */
function judge(ex: ExerciseGrader, c: GridCase, check: () => void): Promise<void> {
  const n = c.filters.shape[3];
  return unlessBackendBug(ex, 'filterGrid', args(c), [n, n + 1], check);
}

async function studentGrid(ex: ExerciseGrader, c: GridCase): Promise<Dense> {
  const { value } = await ex.call('filterGrid', args(c));
  return fromTensor(value, 'the result of filterGrid');
}

/** Checks shape, gaps and each tile's range against the spec alone (no reference needed). */
function checkStructure(c: GridCase, got: Dense): void {
  const [kh, kw, cin, n] = c.filters.shape;
  const g = layout(c);
  const shape = cin === 1 ? [g.height, g.width] : [g.height, g.width, 3];
  if (got.shape.join() !== shape.join()) {
    throw new GradeFailure(
      `filterGrid returned shape [${got.shape.join(', ')}], expected [${shape.join(', ')}]: ${n} filter(s) of ${kh}×${kw} in ${g.columns} column(s) ` +
        `make ${g.rows} row(s); height = rows·kh + (rows−1)·padding = ${g.rows}·${kh} + ${g.rows - 1}·${g.padding} = ${g.height}, ` +
        `width = columns·kw + (columns−1)·padding = ${g.columns}·${kw} + ${g.columns - 1}·${g.padding} = ${g.width}${cin === 3 ? ', plus 3 colour channels' : ''}.`,
    );
  }
  const at = (y: number, x: number, k: number): number => got.data[(y * g.width + x) * (cin === 1 ? 1 : 3) + k];
  for (let y = 0; y < g.height; y++) {
    for (let x = 0; x < g.width; x++) {
      const r = Math.floor(y / (kh + g.padding));
      const col = Math.floor(x / (kw + g.padding));
      const inTile = y % (kh + g.padding) < kh && x % (kw + g.padding) < kw && r * g.columns + col < n;
      if (inTile) continue;
      for (let k = 0; k < (cin === 1 ? 1 : 3); k++) {
        if (at(y, x, k) !== g.background) {
          throw new GradeFailure(
            `pixel [${y}, ${x}${cin === 1 ? '' : `, ${k}`}] lies in a gap or an empty cell and should be the background ${formatNumber(g.background)}, got ${formatNumber(at(y, x, k))}.`,
            [{ label: 'your grid', body: formatDense(got) }],
          );
        }
      }
    }
  }
  for (let o = 0; o < n; o++) {
    const top = Math.floor(o / g.columns) * (kh + g.padding);
    const left = (o % g.columns) * (kw + g.padding);
    const values: number[] = [];
    for (let u = 0; u < kh; u++) for (let v = 0; v < kw; v++) for (let k = 0; k < (cin === 1 ? 1 : 3); k++) values.push(at(top + u, left + v, k));
    const low = Math.min(...values);
    const high = Math.max(...values);
    const constant = c.filters.data.filter((_, i) => i % n === o).every((v, _, all) => v === all[0]);
    const span = (from: number, size: number, what: string): string => (size === 1 ? `${what} ${from}` : `${what}s ${from}–${from + size - 1}`);
    const where = `tile ${o} (${span(top, kh, 'row')}, ${span(left, kw, 'column')}${cin === 3 ? ', all 3 channels' : ''})`;
    if (constant && values.some((v) => Math.abs(v - 0.5) > tolerance)) {
      throw new GradeFailure(
        `filter ${o} is constant, so ${where} should be 0.5 everywhere; it holds values from ${formatNumber(low)} to ${formatNumber(high)}.`,
        [{ label: 'your grid', body: formatDense(got) }],
      );
    }
    if (!constant && (Math.abs(low) > tolerance || Math.abs(high - 1) > tolerance)) {
      throw new GradeFailure(
        `${where} should be normalised on its own to min 0 and max 1, but its values run from ${formatNumber(low)} to ${formatNumber(high)}.`,
        [{ label: 'your grid', body: formatDense(got) }],
      );
    }
  }
}

/** Filters [kh, kw, cin, n] from per-filter values (kh, kw, cin order). */
function filtersOf(shape: [number, number, number, number], perFilter: number[][]): Dense {
  const n = shape[3];
  const data = new Float64Array(shape.reduce((a, b) => a * b, 1));
  for (const [o, values] of perFilter.entries()) {
    for (const [i, v] of values.entries()) data[i * n + o] = v;
  }
  return { shape: [...shape], data };
}

/** Fixtures worked out by hand (README, worked example). */
const fixtures: { name: string; c: GridCase; expected: Dense }[] = [
  {
    name: 'two 2×2 gray filters, one constant, default options',
    c: {
      filters: filtersOf(
        [2, 2, 1, 2],
        [
          [0, 1, 2, 3],
          [5, 5, 5, 5],
        ],
      ),
      options: undefined,
    },
    expected: { shape: [2, 5], data: Float64Array.of(0, 1 / 3, 1, 0.5, 0.5, 2 / 3, 1, 1, 0.5, 0.5) },
  },
  {
    name: 'two 1×1 RGB filters (0, 2, 4) and (1, 1, 1), one column, background 0',
    c: {
      filters: filtersOf(
        [1, 1, 3, 2],
        [
          [0, 2, 4],
          [1, 1, 1],
        ],
      ),
      options: { columns: 1, background: 0 },
    },
    expected: { shape: [3, 1, 3], data: Float64Array.of(0, 0.5, 1, 0, 0, 0, 0.5, 0.5, 0.5) },
  },
  {
    name: 'five 1×2 gray filters in 2 columns, padding 2 (an empty last cell)',
    c: {
      filters: filtersOf(
        [1, 2, 1, 5],
        [
          [0, 1],
          [1, 0],
          [-2, 2],
          [3, 3],
          [0.5, 0.25],
        ],
      ),
      options: { columns: 2, padding: 2 },
    },
    // rows: [f0 | gap | f1], 2 gap rows, [f2 | gap | f3], 2 gap rows, [f4 | gap | empty]
    expected: {
      shape: [7, 6],
      data: Float64Array.of(
        ...[0, 1, 1, 1, 1, 0],
        ...[1, 1, 1, 1, 1, 1],
        ...[1, 1, 1, 1, 1, 1],
        ...[0, 1, 1, 1, 0.5, 0.5],
        ...[1, 1, 1, 1, 1, 1],
        ...[1, 1, 1, 1, 1, 1],
        ...[1, 0, 1, 1, 1, 1],
      ),
    },
  },
];

/** 64 random 7×7 RGB filters, as in a first layer of an ImageNet network: an 8×8 grid. */
const realistic: fc.Arbitrary<GridCase> = dense([7, 7, 3, 64]).map((filters) => ({ filters, options: undefined }));

export function gradePartB(ex: ExerciseGrader): void {
  ex.part('B', () => {
    const againstReference = async (c: GridCase): Promise<void> => {
      const got = await studentGrid(ex, c);
      const expected = fromTensor(await ex.reference.call('filterGrid', args(c)), 'the reference grid');
      await judge(ex, c, () => expectClose(got, expected, tolerance, { what: 'the result of filterGrid', backend: ex.backend }));
    };

    ex.property(
      'has the specified size, gaps and per-tile range (min 0, max 1; constant filters 0.5)',
      gridCase(),
      async (c) => {
        const got = await studentGrid(ex, c);
        await judge(ex, c, () => checkStructure(c, got));
      },
      {
        numRuns: 30,
        show: showGrid,
      },
    );

    ex.property('agrees with the reference on random filters (1 or 3 channels, any columns, padding, background)', gridCase(), againstReference, {
      numRuns: 30,
      show: showGrid,
    });

    ex.property('agrees with the reference on 64 filters of 7×7×3 (an 8×8 grid)', realistic, againstReference, { numRuns: 1, show: showGrid, shrink: false });

    ex.test('gets hand-worked fixtures exactly right', async () => {
      for (const f of fixtures) {
        const got = await studentGrid(ex, f.c);
        try {
          await judge(ex, f.c, () => expectClose(got, f.expected, tolerance, { what: `the grid of ${f.name}`, backend: ex.backend }));
        } catch (error) {
          if (error instanceof GradeFailure) throw error.with(...showGrid(f.c));
          throw error;
        }
      }
    });

    ex.test("shows the course model's 8 trained filters (writes out/exercise-04/filters.png)", async () => {
      const c: GridCase = { filters: await courseKernel(), options: undefined };
      const got = await studentGrid(ex, c);
      const file = got.shape.length === 2 ? writePng('filters.png', got, 12) : undefined;
      const expected = fromTensor(await ex.reference.call('filterGrid', args(c)), 'the reference grid');
      try {
        await judge(ex, c, () => expectClose(got, expected, tolerance, { what: "the grid of the course model's filters", backend: ex.backend }));
      } catch (error) {
        if (error instanceof GradeFailure && file !== undefined)
          throw error.with({ label: 'your picture', body: `${file} (compare with exercises/exercise-04-filters/expected-filters.png)` });
        throw error;
      }
    });

    ex.test('rejects 2 or 4 input channels and invalid options with an Error that names the value', async () => {
      const filters = (shape: number[]): Wire => wireTensor({ shape, data: new Float64Array(shape.reduce((a, b) => a * b, 1)).map((_, i) => i % 7) });
      const cases: { args: Wire[]; why: string; mentions: (string | string[])[] }[] = [
        { args: [filters([3, 3, 2, 4])], why: 'for filters with 2 input channels (only 1 = gray or 3 = RGB can be shown)', mentions: ['2'] },
        { args: [filters([3, 3, 4, 4])], why: 'for filters with 4 input channels', mentions: ['4'] },
        { args: [filters([3, 3, 1, 4]), { columns: 0 }], why: 'for columns 0', mentions: ['columns', '0'] },
        { args: [filters([3, 3, 1, 4]), { padding: -1 }], why: 'for padding -1', mentions: ['-1'] },
        { args: [filters([3, 3, 1, 4]), { padding: 1.5 }], why: 'for padding 1.5', mentions: ['1.5'] },
        { args: [filters([3, 3, 1, 4]), { columns: 2.5 }], why: 'for columns 2.5 (a column count is a whole number)', mentions: ['2.5'] },
        { args: [filters([3, 3, 1, 4]), { background: Number.NaN }], why: 'for background NaN (it must be a finite number)', mentions: ['NaN'] },
        {
          args: [filters([3, 3, 1, 4]), { background: Number.POSITIVE_INFINITY }],
          why: 'for background Infinity (it must be a finite number)',
          mentions: ['Infinity'],
        },
        { args: [filters([3, 3, 4])], why: 'for filters of rank 3 ([3, 3, 4])', mentions: [['rank', '3, 3, 4', '3,3,4']] },
      ];
      for (const c of cases) {
        const thrown = await ex.callExpectingThrow('filterGrid', c.args, c.why);
        expectInformative('filterGrid', c.why, thrown, c.mentions);
      }
    });
  });
}
