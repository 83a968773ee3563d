/**
 * Grades one staged submission in its own `vitest run` process group, with a wall-clock limit:
 * when the limit passes, the whole group (vitest, its workers, the student's processes) is killed,
 * and any student process that escaped the group is found by the run's marker and killed too.
 */
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { killSandboxes } from '../../../graders/support/sandbox/cleanup.ts';
import type { RunResult } from '../../../graders/support/results/model.ts';

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
}

const keepBytes = 16 * 1024;

/** Process groups of the gradings now running, so an interrupted run can stop them all. */
const running = new Set<number>();

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/**
 * Runs the grading and returns its result (undefined when it wrote none).
 *
 * @example await runIsolated({ cwd: repoRoot, target: '/tmp/stage/ada', exercises: ['exercise-01'], backends: ['cpu'], seed: 'default', timeoutMs: 600_000, resultsFile: '/tmp/ada.json' })
 */
export function runIsolated(options: IsolatedOptions): Promise<IsolatedRun> {
  const runId = randomUUID();
  const args = [path.join(options.cwd, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...options.exercises];
  for (const backend of options.backends) args.push('--project', backend);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GRADE_TARGET: options.target,
    GRADE_RESULTS: options.resultsFile,
    GRADE_SEED: options.seed,
    GRADE_RUN_ID: runId,
    NO_COLOR: '1',
    ...(options.backends.includes('webgpu') ? {} : { COURSE_WEBGPU: '0' }),
  };
  delete env.GRADE_PATH;
  delete env.GRADE_RECORD_DIR;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let tail = '';
    const keep = (chunk: Buffer): void => {
      tail = (tail + chunk.toString()).slice(-keepBytes);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    if (child.pid !== undefined) running.add(child.pid);
    child.on('close', (code) => {
      clearTimeout(timer);
      if (child.pid !== undefined) running.delete(child.pid);
      killGroup(child.pid);
      killSandboxes(runId);
      let result: RunResult | undefined;
      if (!timedOut) {
        try {
          result = JSON.parse(readFileSync(options.resultsFile, 'utf8')) as RunResult;
        } catch {
          result = undefined;
        }
      }
      resolve({ runId, result, exitCode: code, timedOut, tail, durationMs: Date.now() - started });
    });
  });
}

/**
 * Kills every grading still running (their process groups are detached, so Ctrl-C does not reach
 * them by itself). Call it from SIGINT/SIGTERM handlers.
 */
export function stopAllGradings(): number {
  const count = running.size;
  for (const pid of running) killGroup(pid);
  running.clear();
  return count;
}
