/**
 * Part E — buildResNet learns: on one fixed batch of 8 bars (datasets/, shrunk to 14×14), a
 * few steps of plain SGD must at least halve the cross-entropy. A network that cannot pass a
 * gradient (a broken shortcut, frozen or disconnected layers) or does not classify fails here.
 *
 * The student's process only builds the network and sends it as data (topology and weights,
 * driver op `exportResNet`); the grader rebuilds it with its own tfjs, trains it and measures
 * the loss itself (rebuild-network.ts, learning-check.ts). No loss crosses from their process.
 */
import fc from 'fast-check';
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure } from '../support/failure.ts';
import { callDriver } from '../support/sandbox/driver-protocol.ts';
import { expectRan } from './check.ts';
import { trainOnBars } from './learning-check.ts';
import { exportResNetOp } from './protocol.ts';
import { readSerialised, rebuildNetwork } from './rebuild-network.ts';

/** What the grader trains: batch size, updates, learning rate. */
// Two steps: the solution's loss falls to at most 0.15 of its start in two (11 data seeds measured),
// far below the half required; a third step cost a quarter of the part's time and told nothing more.
const training = { count: 8, steps: 2, learningRate: 0.05 };

const setUp =
  'buildResNet([14, 14, 1], 4), sent as model.toJSON() and its weights, rebuilt and compiled by the grader with tf.train.sgd and categoricalCrossentropy; the loss is measured by the grader in training mode (batch statistics)';

export function gradePartE(ex: ExerciseGrader): void {
  ex.part('E', () => {
    ex.property(
      `learns: ${training.steps} SGD steps (learning rate ${training.learningRate}) on a fixed batch of ${training.count} bars at least halve the loss`,
      fc.record({ dataSeed: fc.integer({ min: 1, max: 2 ** 31 - 1 }), seed: fc.integer({ min: 1, max: 2 ** 31 - 1 }) }),
      async ({ dataSeed, seed }) => {
        const report = expectRan(await callDriver(ex, exportResNetOp, { seed }, { label: 'buildResNet', timeoutMs: 30_000 }), 'buildResNet');
        const model = await rebuildNetwork(readSerialised(report));
        let losses: number[];
        try {
          losses = await trainOnBars(model, { ...training, dataSeed }).catch((error: unknown) => {
            throw new GradeFailure(`training your network failed: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`, [
              { label: 'set-up', body: setUp },
            ]);
          });
        } finally {
          model.dispose();
        }
        const first = losses[0];
        const last = losses[losses.length - 1];
        const shown = losses.map((l) => l.toFixed(4)).join(' → ');
        if (!losses.every(Number.isFinite)) throw new GradeFailure(`the loss is not finite during training: ${shown}.`);
        if (!(last <= first / 2)) {
          throw new GradeFailure(
            `the loss fell from ${first.toFixed(4)} to ${last.toFixed(4)} in ${training.steps} steps; expected at most half of it (${(first / 2).toFixed(4)}).`,
            [
              { label: 'losses (before each step, then after the last)', body: shown },
              { label: 'set-up', body: setUp },
            ],
          );
        }
      },
      {
        numRuns: 1,
        show: ({ dataSeed, seed }) => [
          {
            label: 'data',
            body: `generateBars({ count: ${training.count}, seed: ${dataSeed} }), 2×2-averaged to 14×14; Math.random seeded with ${seed} for the initial weights`,
          },
        ],
        shrink: false,
      },
    );
  });
}
