/**
 * A submission is graded from a temporary staging copy, so what the grading reports (compile
 * errors, stack lines, the graded folder) names staging paths. The student and the instructor
 * know the submission's own folder: these functions rewrite both the staging path and the
 * original folder's absolute path to paths relative to the student's folder.
 */
import escapeStringRegexp from 'escape-string-regexp';
import type { RunResult } from '../../../graders/support/results/model.ts';

/**
 * `text` with every `<folder>/` of `folders` removed (and a bare `<folder>` replaced by `.`).
 *
 * @example relativeTo('/tmp/s1/exercise-01/conv.ts:3:5: x', ['/tmp/s1']) → 'exercise-01/conv.ts:3:5: x'
 */
export function relativeTo(text: string, folders: string[]): string {
  let out = text;
  for (const folder of folders.filter((f) => f !== '' && f !== '/')) {
    const trimmed = folder.replace(/\/+$/, '');
    out = out.replace(new RegExp(`${escapeStringRegexp(trimmed)}/`, 'g'), '').replace(new RegExp(`${escapeStringRegexp(trimmed)}(?![\\w.-])`, 'g'), '.');
  }
  return out;
}

/**
 * A RunResult with every path under `folders` made relative, and `target` set to `student`.
 *
 * @example relativeRun(run, ['/tmp/grade-class-x/stage/s1'], 'ada').target → 'ada'
 */
export function relativeRun(run: RunResult, folders: string[], student: string): RunResult {
  const rewritten = JSON.parse(
    relativeTo(
      JSON.stringify(run),
      folders.map((f) => JSON.stringify(f).slice(1, -1)),
    ),
  ) as RunResult;
  return { ...rewritten, target: student };
}
