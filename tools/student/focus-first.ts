/**
 * Watch mode's grading order: the part the student is working on first — the first failing part
 * of the last complete grading, or, once everything passes, the part last in focus — its verdict
 * printed the moment it is known, then the whole exercise (the result that is scored and stored).
 *
 *   const focus = new FocusFirst(warm, (text) => process.stdout.write(`${text}\n`));
 *   await gradeExercises([exercise], { target, gradeRun: focus.gradeRun });
 *   focus.remember(state.entry?.result);
 */
import type { PartResult, RunResult } from '../../graders/support/results/model.ts';
import type { GradeRun, GradeRunOptions } from '../lib/grade-run.ts';
import type { WarmGrader } from '../lib/warm-grader.ts';
import { firstFailingPart, renderFocus } from './render-watch.ts';

export class FocusFirst {
  private focus: Pick<PartResult, 'id' | 'title'> | undefined;

  constructor(
    private readonly warm: WarmGrader,
    private readonly print: (text: string) => void,
  ) {}

  /** Takes the next focus from a complete grading's result. */
  remember(result: RunResult | undefined): void {
    const failing = result === undefined ? undefined : firstFailingPart(result);
    if (failing !== undefined) this.focus = { id: failing.id, title: failing.title };
  }

  /** A drop-in for `gradeRun` (cached-grading's option): the focused part, printed, then everything. */
  readonly gradeRun = async (options: GradeRunOptions): Promise<GradeRun> => {
    const cancel = (): void => void this.warm.cancel();
    options.signal?.addEventListener('abort', cancel, { once: true });
    try {
      if (this.focus !== undefined) {
        const first = await this.warm.run({ part: this.focus });
        if (options.signal?.aborted) return { result: undefined, exitCode: null, output: first.output, timedOut: false, durationMs: first.durationMs };
        if (first.result !== undefined) this.print(renderFocus(first.result, this.focus.id, first.durationMs));
      }
      const full = await this.warm.run({});
      return { result: full.result, exitCode: full.result === undefined ? 1 : 0, output: full.output, timedOut: false, durationMs: full.durationMs };
    } finally {
      options.signal?.removeEventListener('abort', cancel);
    }
  };
}
