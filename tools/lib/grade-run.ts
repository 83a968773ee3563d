/**
 * Runs the graders as a separate `vitest run` process — the way a student or CI runs them — and
 * returns the run's result model (read from its own results file, never from its output). The one
 * spawner of gradings: verify, the release, `npm start`/watch and class grading
 * (`isolate`: its own process group, killed whole at the limit) all start vitest here.
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../graders/support/paths.ts';
import { killSandboxes } from '../../graders/support/sandbox/cleanup.ts';
import type { RunResult } from '../../graders/support/results/model.ts';
import { readRunResult } from '../../graders/support/results/schema.ts';
import { courseWebgpu } from '../../graders/support/settings.ts';

export interface GradeRunOptions {
  /** Folder laid out like exercises/ (absolute or relative to the repository). */
  target: string;
  /** Exercise ids to grade (vitest file filters); all when empty. */
  exercises?: string[];
  /** vitest projects (backends) to run, the grading's whole set (without webgpu the child runs with COURSE_WEBGPU=0); all available when empty. */
  backends?: string[];
  /** Extra environment. */
  env?: NodeJS.ProcessEnv;
  /** Repository to run in (default: this one). */
  cwd?: string;
  /** Wall-clock limit for the whole run. */
  timeoutMs?: number;
  /**
   * Stops the run when aborted (watch mode's Ctrl-C). With a signal the run gets its own process
   * group, so vitest, its workers and the student's processes (forked by the workers; they cannot
   * start processes of their own) are all killed together.
   */
  signal?: AbortSignal;
  /**
   * Class grading of untrusted code: the run always gets its own process group, killed at once
   * (SIGKILL) at the limit and at the end, with every student process still carrying `runId`
   * (GRADE_RUN_ID) in its environment; {@link stopAllGradings} reaches it.
   */
  isolate?: { runId: string };
  /** Where the run writes its result, kept afterwards (default: a temporary file, removed). */
  resultsFile?: string;
  /** Keep only the last this many bytes of output (default: all of it). */
  keepBytes?: number;
  /** More `vitest run` arguments, e.g. `['--no-isolate']`: one grader process for all the files. */
  vitestArgs?: string[];
}

export interface GradeRun {
  /** Undefined when the run wrote none, or was stopped by its time limit. */
  result: RunResult | undefined;
  exitCode: number | null;
  /** What the run printed (its last `keepBytes` when set). */
  output: string;
  timedOut: boolean;
  durationMs: number;
}

/** Process groups of the isolated gradings now running, so an interrupted run can stop them all. */
const running = new Set<number>();

function signalGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, signal);
  } catch {
    // The group is already gone.
  }
}

/**
 * Kills every isolated grading still running (their process groups are detached, so Ctrl-C does
 * not reach them by itself). Call it from SIGINT/SIGTERM handlers; returns how many there were.
 */
export function stopAllGradings(): number {
  const count = running.size;
  for (const pid of running) signalGroup(pid, 'SIGKILL');
  running.clear();
  return count;
}

/**
 * The environment of a grading's `vitest run`: the caller's, plus the target, the results file and
 * what the options ask for; `options.env` has the last word.
 *
 * @example childEnv({ target: 'solutions', backends: ['cpu'] }, '/tmp/r.json').COURSE_WEBGPU → '0'
 */
export function childEnv(options: GradeRunOptions, results: string, parent: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  return {
    ...parent,
    GRADE_TARGET: options.target,
    GRADE_RESULTS: results,
    NO_COLOR: '1',
    // The backends asked for are this grading's whole set: without webgpu, the run must not count
    // as a backend subset of a machine that has it (a filtered run, which no export takes).
    ...(options.backends !== undefined && options.backends.length > 0 && !options.backends.includes('webgpu') ? { [courseWebgpu.name]: '0' } : {}),
    ...(options.isolate === undefined ? {} : { GRADE_RUN_ID: options.isolate.runId }),
    ...options.env,
  };
}

/**
 * Grades `target` in a child `vitest run` and returns its result.
 *
 * @example await gradeRun({ target: 'solutions', exercises: ['exercise-01'], backends: ['cpu'] }) → { result: { exercises: [ … ] }, exitCode: 0, timedOut: false, … }
 */
export function gradeRun(options: GradeRunOptions): Promise<GradeRun> {
  const cwd = options.cwd ?? repoRoot;
  const dir = options.resultsFile === undefined ? mkdtempSync(path.join(tmpdir(), 'grade-run-')) : undefined;
  const results = options.resultsFile ?? path.join(dir!, 'result.json');
  const args = [path.join(cwd, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...(options.vitestArgs ?? []), ...(options.exercises ?? [])];
  for (const backend of options.backends ?? []) args.push('--project', backend);
  const env = childEnv(options, results);
  // Windows has no process groups to signal (and `detached` opens a console there): taskkill /T.
  const windows = process.platform === 'win32';
  const group = (options.signal !== undefined || options.isolate !== undefined) && !windows;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: group });
    let output = '';
    const keep = (chunk: Buffer): void => {
      output += chunk.toString();
      if (options.keepBytes !== undefined && output.length > options.keepBytes) output = output.slice(-options.keepBytes);
    };
    child.stdout.on('data', keep);
    child.stderr.on('data', keep);
    if (options.isolate !== undefined && child.pid !== undefined) running.add(child.pid);
    let killer: NodeJS.Timeout | undefined;
    let timedOut = false;
    const stop = (): void => {
      if (windows && options.signal !== undefined && child.pid !== undefined) return void spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F']);
      if (!group || child.pid === undefined) return void child.kill('SIGKILL');
      // Untrusted code gets no grace; otherwise SIGTERM first so vitest can remove its files, and
      // SIGKILL whatever is left a second later.
      if (options.isolate !== undefined) return void signalGroup(child.pid, 'SIGKILL');
      signalGroup(child.pid, 'SIGTERM');
      killer ??= setTimeout(() => signalGroup(child.pid, 'SIGKILL'), 1000);
    };
    const timer = setTimeout(() => {
      timedOut = true;
      stop();
    }, options.timeoutMs ?? 600_000);
    const onAbort = (): void => stop();
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(killer);
      if (child.pid !== undefined) running.delete(child.pid);
      // Whatever vitest left behind in its group (a worker killed mid-call, a student process),
      // and any student process that left the group.
      if (group) signalGroup(child.pid, 'SIGKILL');
      if (options.isolate !== undefined) killSandboxes(options.isolate.runId);
      options.signal?.removeEventListener('abort', onAbort);
      let result: RunResult | undefined;
      try {
        result = timedOut ? undefined : readRunResult(JSON.parse(readFileSync(results, 'utf8')), results);
      } catch {
        result = undefined;
      }
      if (dir !== undefined) rmSync(dir, { recursive: true, force: true });
      resolve({ result, exitCode: code, output, timedOut, durationMs: Date.now() - started });
    });
  });
}

/** Runs async jobs with at most `limit` at a time, keeping their order in the results. */
export async function inPool<T, R>(items: T[], limit: number, job: (item: T) => Promise<R>): Promise<R[]> {
  const results = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await job(items[index]);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  return results;
}
