/**
 * Part B — residualBlock computes the same function as the hidden reference: both blocks get the
 * same random weights, matched by role (not by creation order), and the same random batch; the
 * outputs must agree within a float32 error bound (bound.ts), in inference mode (moving
 * statistics) and in training mode (batch statistics, and the moving statistics it leaves).
 *
 * Where the reference has no sealed answer for a case (a student release graded with another
 * seed), the grader's own oracle (bound.ts, He et al.'s block computed in the grader's tfjs) is
 * the expected value: a missing recording never costs a correct block its points.
 */
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure } from '../support/failure.ts';
import { callDriver } from '../support/sandbox/driver-protocol.ts';
import { wireTensor, type Dense } from '../support/sandbox/wire.ts';
import { boundBlock, type Bound } from './bound.ts';
import { materialise, realisticRunCase, runCase, showRun, type RunCase } from './cases.ts';
import { dense, expectRan, expectWithin, referenceBlock, type ReferenceRun } from './check.ts';
import { MissingRecording } from '../support/reference.ts';
import { runBlockOp } from './protocol.ts';
import type { MovingStats } from './tf-model.ts';

/** The reference must agree with the grader's own oracle; if not, the grader is wrong, not the student. */
function selfCheck(reference: Dense, bound: Bound): void {
  const bad = reference.data.findIndex((v, i) => !(Math.abs(v - bound.value.data[i]) <= bound.tolerance[i] / 2));
  if (reference.data.length !== bound.value.data.length || bad >= 0) {
    throw new Error(
      `exercise 03: the reference block and the oracle in bound.ts disagree at element ${bad} (${reference.data[bad]} vs ${bound.value.data[bad]})`,
    );
  }
}

/** The oracle's answer in the reference's shape, for cases the sealed recordings do not cover. */
function oracleRun(bound: Bound): ReferenceRun {
  const output = wireTensor(bound.value);
  const movingStats: MovingStats = {};
  for (const [role, stats] of Object.entries(bound.stats)) movingStats[role] = { mean: Array.from(stats.mean), variance: Array.from(stats.variance) };
  return { output, movingStats };
}

export function gradePartB(ex: ExerciseGrader): void {
  ex.part('B', () => {
    const check = async (c: RunCase): Promise<void> => {
      const { x, weights } = materialise(c);
      const args = { inputShape: c.inputShape, options: c.options, weights, x: wireTensor(x), training: c.training };
      const report = expectRan(await callDriver(ex, runBlockOp, { ...args, seed: c.seed }, { label: 'residualBlock', timeoutMs: 20_000 }), 'residualBlock');
      const bound = await boundBlock(c, x, weights);
      let reference: ReferenceRun;
      try {
        reference = await referenceBlock(ex, args);
      } catch (error) {
        if (!(error instanceof MissingRecording)) throw error;
        reference = oracleRun(bound);
      }
      const expected = dense(reference.output, 'the reference output');
      selfCheck(expected, bound);
      const mode = c.training ? 'training mode' : 'inference mode';
      expectWithin(dense(report.output, "your block's output"), expected, bound.tolerance, `your block's output (${mode})`, ex.backend);
      if (!c.training) return;
      const got = report.movingStats as MovingStats | undefined;
      for (const [role, stats] of Object.entries(reference.movingStats ?? {})) {
        const tolerances = bound.stats[role as keyof Bound['stats']]!;
        const vector = (values: number[]): Dense => ({ shape: [values.length], data: Float64Array.from(values) });
        if (got?.[role] === undefined) throw new GradeFailure(`your block has no ${role} after training mode.`);
        expectWithin(
          vector(got[role].mean),
          vector(stats.mean),
          tolerances.meanTolerance,
          `the moving mean of ${role} after one training-mode pass`,
          ex.backend,
        );
        expectWithin(
          vector(got[role].variance),
          vector(stats.variance),
          tolerances.varianceTolerance,
          `the moving variance of ${role} after one training-mode pass`,
          ex.backend,
        );
      }
    };

    ex.property('the same function as the reference in inference mode (random shapes, options and weights)', runCase(false), check, {
      numRuns: 15,
      show: showRun,
    });
    ex.property('the same function as the reference in training mode, moving statistics included', runCase(true), check, { numRuns: 15, show: showRun });
    ex.property('the same function on realistic blocks (32×32×32 into 32 filters, or 64 with strides 2)', realisticRunCase, check, {
      numRuns: 2,
      show: showRun,
      shrink: false,
    });
  });
}
