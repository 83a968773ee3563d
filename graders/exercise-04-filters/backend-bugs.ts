/**
 * When a result differs from the reference on a backend other than cpu: does a known bug of that
 * backend (graders/support/backends/known-bugs.ts) explain it? The student's call is repeated with
 * profiling to learn which kernels it ran, and each listed kernel's reproduction runs on the same
 * device in the grader's own process (`reproduceInGrader`), never in the student's. Confirmed:
 * the test is not counted, with a note that names the backend and the op. Otherwise the
 * original failure stands.
 */
import { bugsIn, reproduceInGrader } from '../support/backends/known-bugs.ts';
import { notCounted } from '../support/backends/not-counted.ts';
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure } from '../support/failure.ts';
import type { Wire } from '../support/sandbox/wire.ts';

/**
 * Runs `check`; if it fails on a non-cpu backend, looks for a known bug in the kernels that
 * `fn(...args)` runs, reproduced with `inputs` input tensors (the counts the call plausibly used).
 *
 * @example await unlessBackendBug(ex, 'filterGrid', args, [n, n + 1], () => expectClose(got, expected, tol, …))
 */
export async function unlessBackendBug(ex: ExerciseGrader, fn: string, args: Wire[], inputs: number[], check: () => void | Promise<void>): Promise<void> {
  try {
    await check();
  } catch (error) {
    if (!(error instanceof GradeFailure) || ex.backend === 'cpu') throw error;
    const { kernels } = await ex.call(fn, args, { profile: true });
    for (const bug of bugsIn(ex.backend, kernels)) {
      const broken = await reproduceInGrader(bug, inputs);
      if (broken.length === 0) continue;
      notCounted(
        `not counted on ${ex.backend}: your ${fn} ran ${bug.op} (kernel ${bug.kernel}), and on this device ${ex.backend}'s ${bug.op} of ${broken.join(' or ')} tensors is wrong — ${bug.what}. ` +
          `What differed: ${error.message.split('\n')[0]} The same test on cpu grades your code.`,
      );
    }
    throw error;
  }
}
