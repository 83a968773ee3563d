/**
 * Runs the graders as a separate `vitest run` process — the way a student or CI runs them — and
 * returns the run's result model (read from its own results file, never from its output).
 */
import { spawn } from 'node:child_process';
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
  const started = Date.now();
  return new Promise((resolve) => {
    const child = spawn(process.execPath, args, { cwd, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? 600_000);
    child.on('close', (code) => {
      clearTimeout(timer);
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
