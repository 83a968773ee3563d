/**
 * Shared judgements of exercise 03: what a driver report means for the student (their code
 * threw, their layers do not fit the roles, tensors were left over), the hidden reference
 * block, and comparisons of tensors with tolerances.
 */
import { expectClose } from '../support/compare.ts';
import { describeThrown, type ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure, type Section } from '../support/failure.ts';
import { isWireTensor, type Dense, type Thrown, type Wire, type WireTensor } from '../support/sandbox/wire.ts';
import { tf } from '../support/tf.ts';
import { blockRoles } from './graph.ts';
import type { BlockRun, Outcome } from './protocol.ts';
import { describeModel, readMovingStats, setBlockWeights, wireOf } from './tf-model.ts';
import type { BlockOptions, BlockWeights } from './weights.ts';

/** Why an Add fails on mismatched shapes, in words (shown with such a failure). */
export const shapeWhy =
  "An Add layer adds two tensors of the same shape, so the main path and the shortcut must agree. With padding 'same' " +
  'each 3×3 convolution keeps height and width (strides 2 halves them, rounding up), and the main path ends with `filters` ' +
  "channels; the shortcut must end the same way, so it is a 1×1 convolution with the block's strides whenever strides ≠ 1 " +
  "or the channels change. The seed's block has neither: its 3×3 convolutions have no padding, so each shrinks H and W " +
  'by 2 (a 56×56 input gives 52×52 against a 56×56 shortcut; article errata #8), and it adds the unchanged input across a ' +
  'change of channels (row 9).';

/** Fails unless the op ran: the student's throw, a role mismatch and leaked tensors each fail with their own message. */
export function expectRan<Result>(r: Outcome<Result>, fn: string): Result & { leaked: number } {
  if (r.thrown !== undefined) {
    const thrown = r.thrown;
    const during = thrown.during !== undefined && thrown.during !== fn ? ` (during ${thrown.during})` : '';
    const stub = /Remove this line and implement/.test(thrown.message);
    const failure = new GradeFailure(describeThrown(fn, thrown) + (stub ? '' : during), stub ? [] : whySections(thrown));
    failure.notImplemented = stub;
    throw failure;
  }
  if (r.problem !== undefined) {
    throw new GradeFailure(`the layers of your block could not be matched to the roles of He et al.'s block: ${String(r.problem)}.`, [
      {
        label: 'roles',
        body: 'conv1: the 3×3 convolution that reads the block input; conv2: the 3×3 convolution after it; projection: the 1×1 convolution on the shortcut; each BN takes the role of the convolution it follows',
      },
    ]);
  }
  if (typeof r.leaked === 'number' && r.leaked > 0) {
    throw new GradeFailure(
      `${fn} left ${r.leaked} tensor${r.leaked === 1 ? '' : 's'} allocated after its model was disposed: build only layers (no tf.tensor, tf.scalar, …), or dispose what you create.`,
    );
  }
  return r;
}

function whySections(thrown: Thrown): Section[] {
  const sections: Section[] = [];
  if (/broadcast|shape/i.test(thrown.message)) sections.push({ label: 'why', body: shapeWhy });
  // Only the student's frames: tfjs's (source-mapped to tfjs-*/src/), the grader's and Node's are noise here.
  const where = (thrown.stack ?? '')
    .split('\n')
    .filter((l) => l.trim() !== '' && !/\/graders\/|driver-|node:internal|node_modules|tfjs-[a-z-]+\/src\/|<anonymous>/.test(l));
  if (where.length > 0)
    sections.push({
      label: 'where',
      body: where
        .slice(0, 3)
        .map((l) => l.trim())
        .join('\n'),
    });
  return sections;
}

/** A wire tensor as a dense array. */
export function dense(value: Wire, what: string): Dense {
  const t = value as WireTensor | undefined;
  if (t === undefined || t === null || typeof t !== 'object' || !('$tensor' in t)) throw new GradeFailure(`${what} is not a tensor.`);
  return { shape: t.$tensor.shape, data: Float64Array.from(t.$tensor.data) };
}

/** Compares element-wise with per-element tolerances. */
export function expectWithin(got: Dense, expected: Dense, tolerance: Float64Array | number, what: string, backend: string): void {
  expectClose(got, expected, tolerance, { what, backend });
}

/** What the reference block gives on a case: output and (training) the moving statistics (as the driver's runBlock answers). */
export type ReferenceRun = BlockRun;

function isReferenceRun(value: unknown): value is ReferenceRun {
  if (value === null || typeof value !== 'object' || !('output' in value) || !isWireTensor(value.output)) return false;
  const stats = 'movingStats' in value ? value.movingStats : undefined;
  return stats === undefined || (stats !== null && typeof stats === 'object' && !Array.isArray(stats));
}

/**
 * The hidden reference block with the same role-mapped weights, on the same batch, in the
 * grader's process (cpu) — or its recorded answer in a student release.
 */
export async function referenceBlock(
  ex: ExerciseGrader,
  args: { inputShape: number[]; options: BlockOptions; weights: BlockWeights; x: WireTensor; training: boolean },
): Promise<ReferenceRun> {
  const answer = await ex.reference.run('residualBlock/run', args, async (solution, wire) => {
    const a = wire as typeof args;
    const input = tf.input({ shape: a.inputShape });
    const residualBlock = solution.residualBlock as (i: tf.SymbolicTensor, o: BlockOptions) => tf.SymbolicTensor;
    const model = tf.model({ inputs: input, outputs: residualBlock(input, a.options) });
    try {
      const found = blockRoles(describeModel(model));
      if ('problem' in found) throw new Error(`the reference block does not fit its roles: ${found.problem}`);
      setBlockWeights(model, found.roles, a.weights);
      const x = tf.tensor(a.x.$tensor.data, a.x.$tensor.shape);
      const y = model.apply(x, { training: a.training }) as tf.Tensor;
      const output = await wireOf(y);
      tf.dispose([x, y]);
      return a.training ? { output, movingStats: await readMovingStats(model, found.roles) } : { output };
    } finally {
      model.dispose();
    }
  });
  // A recorded answer (student release) is trusted but may be stale: refuse one of another shape.
  if (!isReferenceRun(answer))
    throw new Error(
      `exercise 03: the reference answer for residualBlock/run is not { output: tensor, movingStats? }; got ${JSON.stringify(answer)?.slice(0, 80)}`,
    );
  return answer;
}
