/**
 * Runs the graders as a separate `vitest run` process — the way a student or CI runs them — and
 * returns the run's result model (read from its own results file, never from its output).
 */
import { spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from '../../graders/support/paths.ts';
import type { RunResult } from '../../graders/support/results/model.ts';

export interface GradeRunOptions {
  /** Folder laid out like exercises/ (absolute or relative to the repository). */
  target: string;
  /** Exercise ids to grade (vitest file filters); all when empty. */
  exercises?: string[];
  /** vitest projects (backends) to run; all available when empty. */
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
}

export interface GradeRun {
  result: RunResult | undefined;
  exitCode: number | null;
  output: string;
  durationMs: number;
}

/** Grades `target` in a child `vitest run` and returns its result. */
export function gradeRun(options: GradeRunOptions): Promise<GradeRun> {
  const cwd = options.cwd ?? repoRoot;
  const dir = mkdtempSync(path.join(tmpdir(), 'grade-run-'));
  const results = path.join(dir, 'result.json');
  const args = [path.join(cwd, 'node_modules', 'vitest', 'vitest.mjs'), 'run', ...(options.exercises ?? [])];
  for (const backend of options.backends ?? []) args.push('--project', backend);
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    GRADE_TARGET: options.target,
    GRADE_RESULTS: results,
    NO_COLOR: '1',
    ...options.env,
  };
  // Windows has no process groups to signal (and `detached` opens a console there): taskkill /T.
  const windows = process.platform === 'win32';
  const group = options.signal !== undefined && !windows;
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'], detached: group });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const signalGroup = (signal: NodeJS.Signals): void => {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // The group is already gone.
      }
    };
    let killer: NodeJS.Timeout | undefined;
    const stop = (): void => {
      if (windows && options.signal !== undefined && child.pid !== undefined) return void spawnSync('taskkill', ['/pid', String(child.pid), '/T', '/F']);
      if (!group || child.pid === undefined) return void child.kill('SIGKILL');
      // SIGTERM first so vitest can remove its files; SIGKILL whatever is left a second later.
      signalGroup('SIGTERM');
      killer ??= setTimeout(() => signalGroup('SIGKILL'), 1000);
    };
    const timer = setTimeout(stop, options.timeoutMs ?? 600_000);
    const onAbort = (): void => stop();
    if (options.signal?.aborted) stop();
    options.signal?.addEventListener('abort', onAbort, { once: true });
    child.on('close', (code) => {
      clearTimeout(timer);
      clearTimeout(killer);
      // Whatever vitest left behind in its group (a worker killed mid-call, a student process).
      if (group) signalGroup('SIGKILL');
      options.signal?.removeEventListener('abort', onAbort);
      let result: RunResult | undefined;
      try {
        result = JSON.parse(readFileSync(results, 'utf8')) as RunResult;
      } catch {
        result = undefined;
      }
      rmSync(dir, { recursive: true, force: true });
      resolve({ result, exitCode: code, output, durationMs: Date.now() - started });
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
