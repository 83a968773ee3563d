/**
 * How many random cases each property of exercise 01 checks, in one place, with the evidence for
 * each count. Random cases are most of what grading this exercise costs (each is a call in the
 * student's process and a live reference and tf.conv2d oracle here: 1–4 ms of CPU, ~30 ms for
 * Part E's matrix-product check), so each count is the smallest that still rejects every mutant of
 * `graders/mutants/exercise-01/` with a wide margin.
 *
 * Evidence (issue 16, measured 2026-12-02 with every case of the old counts checked, seeds
 * `default`, s1, s2 and s3): per part, the mutant caught by the fewest cases, the share of random
 * cases that catch it (p) and the chance that a count misses it on a fresh seed ((1 − p)^n over
 * the part's properties). Every other mutant of a part is caught by more than 39 % of its cases,
 * or by a fixed test whatever the count.
 *
 * | part | hardest mutant | p per case | first caught (default seed) | miss chance now |
 * |---|---|---|---|---|
 * | A | same-ignores-stride | 0.18 (output length) | case 17 of 50 | 5e-5 |
 * | B | same-extra-zero-top-left | 0.17 (reference), 0.08 (tf.conv2d) | case 7 of 40; the golden 'same' case always | 1e-4 without the golden case |
 * | C | same-extra-zero-top-left | 0.11 (reference), 0.18 (tf.conv2d) | case 3 of 25 (tf.conv2d) | 3e-5 |
 * | D | bias-ignored | 0.43 (reference), 0.50 (tf.conv2d) | case 4 of 30; the realistic layer always | < 1e-9 |
 * | E | pure-js-in-part-e | 1.0 (matrix-product check) | case 0 of 2 | — (the method, not the case) |
 * | F | backward-bias-not-summed | 0.64–0.73 | case 0 | < 1e-9 |
 *
 * Before: A 60 + 120, B 80 + 40 + 25, C 60 + 30, D 60 + 2 + 30, E 25 + 1 + 3, F 40 + 25 + 30
 * (631 cases); now 341.
 */
export const caseCounts = {
  A: { outputLength: 50, anyArguments: 40 },
  B: { reference: 40, tfConv2d: 20, linearity: 10 },
  C: { reference: 45, tfConv2d: 25 },
  D: { reference: 30, realistic: 1, tfConv2d: 15 },
  E: { reference: 15, realistic: 1, needsMatrixProduct: 2 },
  F: { reference: 20, tfGrad: 12, adjoint: 15 },
} as const;
