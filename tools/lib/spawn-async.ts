/**
 * `spawnSync`'s answer without blocking the event loop: a release-check phase that runs commands
 * one after another can run beside another phase, and an end-to-end spec can run a command while
 * its test keeps time (e2e-process.ts runNpm).
 */
import { spawn } from 'node:child_process';

export interface Spawned {
  /** Exit code; null when killed (time limit) or not started. */
  status: number | null;
  stdout: string;
  stderr: string;
  /** Set when the command could not be started. */
  error?: Error;
}

/**
 * Runs `command` with `args` to completion (killed with SIGKILL after `timeoutMs`).
 *
 * @example await spawnAsync('sh', ['-c', 'echo hi'], { cwd: '/tmp' }) → { status: 0, stdout: 'hi\n', stderr: '' }
 */
export function spawnAsync(command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<Spawned> {
  return new Promise((resolve) => {
    const child = spawn(command, args, { cwd: options.cwd, env: options.env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    let failed: Error | undefined;
    child.on('error', (error) => (failed = error));
    child.on('close', (status) => {
      clearTimeout(timer);
      resolve({ status, stdout, stderr, ...(failed ? { error: failed } : {}) });
    });
  });
}
