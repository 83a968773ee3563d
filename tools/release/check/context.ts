/**
 * What the release check's phases share: the course, the release and work folders, the exercises
 * and backends checked, and the lines and problems each phase reports; and one grading, in this
 * repository or in the release, with the default seed.
 */
import path from 'node:path';
import type { Course } from '../../../graders/support/course.ts';
import { repoRoot } from '../../../graders/support/paths.ts';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { gradeRun } from '../../lib/grade-run.ts';

const gradingLimitMs = 20 * 60_000;

export interface Context {
  course: Course;
  release: string;
  work: string;
  ids: string[];
  backends: string[];
  lines: string[];
  problems: string[];
}

/** Grades `target` here or in the release; a run without results is a problem, named. */
export async function grade(
  ctx: Context,
  where: 'repo' | 'release',
  target: string,
  ids: string[],
  backends: string[],
  env: NodeJS.ProcessEnv = {},
  vitestArgs: string[] = [],
): Promise<RunResult | undefined> {
  const run = await gradeRun({
    target,
    exercises: ids,
    backends,
    cwd: where === 'repo' ? repoRoot : ctx.release,
    env: { GRADE_SEED: '', GRADE_PATH: '', ...env },
    timeoutMs: gradingLimitMs,
    vitestArgs,
  });
  if (run.result === undefined)
    ctx.problems.push(`grading ${path.basename(target)} in the ${where} wrote no results: ${run.output.trim().split('\n').slice(-3).join(' / ')}`);
  return run.result;
}
