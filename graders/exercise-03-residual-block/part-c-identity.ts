/**
 * Part C — why residual blocks train: with the last BN's γ and β zeroed (or, without BN, the
 * last convolution's kernel and bias), an identity block must compute ReLU(x) exactly, and the
 * gradient with respect to x must still flow through the shortcut: d(Σ y ⊙ r)/dx = r ⊙ [x > 0].
 * Both are computed by the grader on the block it rebuilt from model.toJSON() (identity-run.ts):
 * ReLU(x) and r ⊙ [x > 0] are known without any block, so a number from the student's process
 * could be forged.
 */
import type { ExerciseGrader } from '../support/exercise.ts';
import { formatDense } from '../support/format.ts';
import type { Dense } from '../support/sandbox/wire.ts';
import { draws, identityCase, showSpec, type RunCase } from './cases.ts';
import { expectWithin } from './check.ts';
import { identityRun } from './identity-run.ts';
import { exportBlockOp } from './protocol.ts';
import { withRebuilt } from './rebuilt.ts';

function inputs(c: RunCase): { x: Dense; upstream: Dense } {
  const [h, w, channels] = c.inputShape;
  const shape = [c.batch, h, w, channels];
  // Never 0: ReLU's derivative at 0 is a convention, not part of the spec.
  return { x: draws(c.seed, 1)(shape, -2, 2, { nonZero: true }), upstream: draws(c.seed, 3)(shape, -2, 2, { nonZero: true }) };
}

export function gradePartC(ex: ExerciseGrader): void {
  ex.part('C', () => {
    ex.property(
      'with the last BN (or conv) zeroed the block is ReLU(x) exactly, and the gradient reaches x through the shortcut',
      identityCase(),
      async (c) => {
        const { x, upstream } = inputs(c);
        const payload = { inputShape: c.inputShape, options: c.options, seed: c.seed };
        const report = await withRebuilt(ex, exportBlockOp, payload, 'residualBlock', (block) => identityRun(block, x, upstream));
        const relu: Dense = { shape: x.shape, data: x.data.map((v) => Math.max(v, 0)) };
        expectWithin(report.output, relu, 0, 'the output of your block with the last BN zeroed (it must be ReLU(x): the main path adds exactly 0)', ex.backend);
        const gradient: Dense = { shape: x.shape, data: x.data.map((v, i) => (v > 0 ? upstream.data[i] : 0)) };
        expectWithin(report.gradient, gradient, 0, 'd(Σ output ⊙ upstream)/dx (it must be upstream where x > 0, else 0: the shortcut carries it)', ex.backend);
      },
      {
        numRuns: 12,
        show: (c) => {
          const { x, upstream } = inputs(c);
          return [...showSpec(c), { label: 'x', body: formatDense(x, '  ', 120) }, { label: 'upstream gradient', body: formatDense(upstream, '  ', 120) }];
        },
      },
    );
  });
}
