/**
 * Running the student's commands as real processes in a repository copy, for end-to-end tests:
 * a clean environment (cpu only, no colours, none of the caller's grading settings), one-shot
 * commands, long-running ones (watch) that a test polls and stops like a terminal's Ctrl-C, and
 * a check that nothing a command started is left running.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { readdirSync, readlinkSync } from 'node:fs';
import path from 'node:path';
import { spawnAsync } from './spawn-async.ts';

/** The environment of a student at a terminal without a GPU, minus the test runner's own. */
export function studentEnv(extra: NodeJS.ProcessEnv = {}): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (/^(VITEST|GRADE_|COURSE_|FORCE_COLOR|npm_)/.test(key) || key === 'NODE_OPTIONS' || key === 'TEST') continue;
    env[key] = value;
  }
  return { ...env, COURSE_WEBGPU: '0', NO_COLOR: '1', npm_config_update_notifier: 'false', npm_config_fund: 'false', ...extra };
}

export interface Finished {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs `npm <args>` in `root` to completion (killed after `timeoutMs`). */
export async function runNpm(root: string, args: string[], options: { env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Finished> {
  const { status, stdout, stderr } = await spawnAsync('npm', args, { cwd: root, env: studentEnv(options.env), timeoutMs: options.timeoutMs ?? 120_000 });
  return { code: status, stdout, stderr };
}

/** A command left running, e.g. watch mode. */
export interface Running {
  child: ChildProcess;
  /** Everything it printed so far (stdout and stderr). */
  output(): string;
  /** Polls (every 50 ms) until `ready(output)` holds; throws with the output after `timeoutMs`. */
  waitFor(what: string, ready: (output: string) => boolean, timeoutMs: number): Promise<void>;
  /** Ctrl-C as a terminal sends it (SIGINT to the process group); resolves with the exit code. */
  interrupt(signal?: NodeJS.Signals): Promise<number | null>;
}

/** Starts `npm <args>` in its own process group, as a terminal's foreground job. */
export function startNpm(root: string, args: string[], env: NodeJS.ProcessEnv = {}): Running {
  const child = spawn('npm', args, { cwd: root, env: studentEnv(env), stdio: ['ignore', 'pipe', 'pipe'], detached: true });
  let output = '';
  child.stdout!.on('data', (c: Buffer) => (output += c.toString()));
  child.stderr!.on('data', (c: Buffer) => (output += c.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
  return {
    child,
    output: () => output,
    async waitFor(what, ready, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      while (!ready(output)) {
        if (child.exitCode !== null) throw new Error(`the command exited (code ${child.exitCode}) while waiting for ${what}:\n${output}`);
        if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}:\n${output}`);
        await new Promise((r) => setTimeout(r, 50));
      }
    },
    interrupt(signal = 'SIGINT') {
      try {
        process.kill(-child.pid!, signal);
      } catch {
        // Already gone.
      }
      return exited;
    },
  };
}

/** PIDs of processes whose working directory is inside `root` (Linux; elsewhere none). */
export function processesIn(root: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const cwd = readlinkSync(`/proc/${entry}/cwd`);
      if (cwd === root || cwd.startsWith(root + path.sep)) found.push(Number(entry));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}
