/**
 * Grades one staged submission in its own `vitest run` process group, with a wall-clock limit:
 * when the limit passes, the whole group (vitest, its workers, the student's processes) is killed,
 * and any student process that escaped the group is found by the run's marker and killed too.
 * The spawning itself is tools/lib/grade-run.ts's (`isolate`), the one place gradings start.
 */
import { randomUUID } from 'node:crypto';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { gradeRun, stopAllGradings } from '../../lib/grade-run.ts';

export { stopAllGradings };

export interface IsolatedRun {
  /** The GRADE_RUN_ID every process of this grading carries in its environment. */
  runId: string;
  result: RunResult | undefined;
  exitCode: number | null;
  timedOut: boolean;
  /** The last lines the grading printed (for a crash report). */
  tail: string;
  durationMs: number;
}

export interface IsolatedOptions {
  /** The repository whose graders and solutions grade it. */
  cwd: string;
  target: string;
  exercises: string[];
  backends: string[];
  seed: string;
  timeoutMs: number;
  /** Where the run writes its RunResult. */
  resultsFile: string;
  /** The class run's pool of reference answers (`GRADE_ANSWERS_DIR`, graders/support/answers.ts). */
  answersDir?: string;
}

const keepBytes = 16 * 1024;

/**
 * Runs the grading and returns its result (undefined when it wrote none or ran out of time).
 *
 * @example await runIsolated({ cwd: repoRoot, target: '/tmp/stage/ada', exercises: ['exercise-01'], backends: ['cpu'], seed: 'default', timeoutMs: 600_000, resultsFile: '/tmp/ada.json' })
 */
export async function runIsolated(options: IsolatedOptions): Promise<IsolatedRun> {
  const runId = randomUUID();
  // A replay path, a recording or answers folder from the instructor's shell must not reach a class
  // grading: answers come only from the class run's own pool, filled by its own graders' live reference.
  const env: NodeJS.ProcessEnv = { GRADE_SEED: options.seed, GRADE_PATH: undefined, GRADE_RECORD_DIR: undefined, GRADE_ANSWERS_DIR: options.answersDir };
  // One grader process for all of this student's exercises (tfjs and the graders loaded once);
  // each exercise still gets its own student process (graders/support/sandbox/current.ts).
  const run = await gradeRun({ ...options, env, isolate: { runId }, keepBytes, vitestArgs: ['--no-isolate'] });
  return { runId, result: run.result, exitCode: run.exitCode, timedOut: run.timedOut, tail: run.output, durationMs: run.durationMs };
}
