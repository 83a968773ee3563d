/**
 * Known answers (article errata #2–#4 and d2l's examples), written out by hand so that a student can
 * check them on paper. Each is a single-channel cross-correlation case.
 */
import type { Dense } from '../support/sandbox/wire.ts';
import type { Options } from './cases.ts';

/** A matrix from nested rows. */
export function matrix(rows: number[][]): Dense {
  return { shape: [rows.length, rows[0].length], data: Float64Array.from(rows.flat()) };
}

function zeros(h: number, w: number, fill: (i: number, j: number) => number = () => 0): Dense {
  const rows = Array.from({ length: h }, (_, i) => Array.from({ length: w }, (_, j) => fill(i, j)));
  return matrix(rows);
}

/** A named cross-correlation with its expected output. */
export interface GoldenCase {
  name: string;
  image: Dense;
  kernel: Dense;
  options: Options;
  expected: Dense;
}

const square = zeros(5, 5, (i, j) => (i >= 1 && i <= 3 && j >= 1 && j <= 3 ? 1 : 0));
const pixel = zeros(5, 5, (i, j) => (i === 2 && j === 2 ? 1 : 0));
const box = matrix([
  [1, 1, 1],
  [1, 1, 1],
  [1, 1, 1],
]);

export const goldenCorrelations: GoldenCase[] = [
  {
    name: "d2l's corr2d example",
    image: matrix([
      [0, 1, 2],
      [3, 4, 5],
      [6, 7, 8],
    ]),
    kernel: matrix([
      [0, 1],
      [2, 3],
    ]),
    options: {},
    expected: matrix([
      [19, 25],
      [37, 43],
    ]),
  },
  {
    name: "d2l's [1, −1] edge detector on a 6×8 image with a dark band in columns 2–5",
    image: zeros(6, 8, (_, j) => (j >= 2 && j < 6 ? 0 : 1)),
    kernel: matrix([[1, -1]]),
    options: {},
    expected: zeros(6, 7, (_, j) => (j === 1 ? 1 : j === 5 ? -1 : 0)),
  },
  {
    name: "the seed's demo done right: one white pixel, all-ones 3×3 kernel, all 9 outputs (article errata #2–#3)",
    image: pixel,
    kernel: box,
    options: {},
    expected: zeros(3, 3, () => 1),
  },
  {
    name: 'a 3×3 white square and the all-ones (box) kernel: strongest inside, not at the edges (article errata #4)',
    image: square,
    kernel: box,
    options: {},
    expected: matrix([
      [4, 6, 4],
      [6, 9, 6],
      [4, 6, 4],
    ]),
  },
  {
    name: 'the 3×3 square and the Laplacian, an edge detector with zero sum (article errata #4)',
    image: square,
    kernel: matrix([
      [0, 1, 0],
      [1, -4, 1],
      [0, 1, 0],
    ]),
    options: {},
    expected: matrix([
      [-2, -1, -2],
      [-1, 0, -1],
      [-2, -1, -2],
    ]),
  },
  {
    name: "'same' with an even 2×2 kernel on a 3×3 image: the extra zero row/column goes at the bottom/right",
    image: matrix([
      [1, 2, 3],
      [4, 5, 6],
      [7, 8, 9],
    ]),
    kernel: matrix([
      [1, 1],
      [1, 1],
    ]),
    options: { padding: 'same' },
    expected: matrix([
      [12, 16, 9],
      [24, 28, 15],
      [15, 17, 9],
    ]),
  },
];
