/**
 * CPU seconds of a command and of every process below it, the sandboxed student process included.
 *
 * Why not /usr/bin/time (timeNode's CPU column): it counts only processes that were waited for up
 * to the command. A grading SIGKILLs its student process's bubblewrap tree
 * (graders/support/sandbox/process-tree.ts); the Node process below is reaped inside bwrap's PID
 * namespace and its CPU never reaches the command's rusage (0.8–1.0 s of exercise 01's grading on
 * cpu, 2026-12-02). Sampling /proc sees it: each process's utime + stime at its last sample.
 * Linux only; what a process uses after its last sample is missed (10 ms apart; more when the
 * machine is loaded and the sampler waits its turn), and a process shorter than that is not seen.
 */
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { treePids } from '../../graders/support/sandbox/process-tree.ts';
import type { MeasuredTiming } from './measure.ts';

const sampleMs = 10;

/** utime + stime of one process in seconds, or undefined once it is gone; from /proc/<pid>/stat (fields 14 and 15). */
function cpuOf(pid: number, ticksPerSecond: number): number | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) state ppid …": comm may hold spaces or parentheses, so split after the last ')'.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / ticksPerSecond;
  } catch {
    return undefined;
  }
}

/**
 * Runs `file args` once and samples its process tree every 10 ms until it exits.
 *
 * @returns wall seconds, CPU seconds of every process seen, how many processes, the exit status
 * @throws Error where there is no /proc (not Linux)
 * @example await treeCpu(process.execPath, ['-e', 'for (let t = Date.now(); Date.now() - t < 300;);']) → { wall: 0.35, cpu: 0.33, processes: 1, status: 0 }
 */
export async function treeCpu(
  file: string,
  args: string[],
  options: { cwd?: string; env?: NodeJS.ProcessEnv } = {},
): Promise<{ wall: number; cpu: number; processes: number; status: number | null }> {
  if (!existsSync('/proc/self/stat')) throw new Error('treeCpu: expected Linux /proc (to sample the process tree), found no /proc/self/stat');
  // USER_HZ: 100 on every Linux Node runs on (sysconf is not exposed to JavaScript).
  const ticksPerSecond = 100;
  const start = process.hrtime.bigint();
  const child = spawn(file, args, { cwd: options.cwd, env: options.env, stdio: 'ignore' });
  const root = child.pid;
  if (root === undefined) throw new Error(`treeCpu: '${file}' could not be started`);
  const seen = new Map<number, number>([[root, 0]]);
  const sample = (): void => {
    // New processes are found below the command (5 levels: vitest, its worker, bwrap, bwrap's init, Node); once seen, a process is sampled until it is gone.
    for (const pid of treePids(root)) if (!seen.has(pid)) seen.set(pid, 0);
    for (const pid of seen.keys()) {
      const cpu = cpuOf(pid, ticksPerSecond);
      if (cpu !== undefined) seen.set(pid, Math.max(seen.get(pid) ?? 0, cpu));
    }
  };
  const timer = setInterval(sample, sampleMs);
  const status = await new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  clearInterval(timer);
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  const cpu = [...seen.values()].reduce((sum, seconds) => sum + seconds, 0);
  return { wall, cpu, processes: seen.size, status };
}

/**
 * Runs `node <args>` `count` times (after one unmeasured warm-up run) with {@link treeCpu}: a
 * timing whose `cpu` counts every process of the run.
 *
 * @example await timeTreeNode({ name: 'exercise-01, every process', command: 'npm test exercise-01', args: [vitest, 'run', 'exercise-01'], count: 5 })
 */
export async function timeTreeNode(options: {
  name: string;
  command: string;
  args: string[];
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  count: number;
}): Promise<MeasuredTiming> {
  const env = { ...process.env, NO_COLOR: '1', ...options.env };
  await treeCpu(process.execPath, options.args, { cwd: options.cwd, env });
  const seconds: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < options.count; i++) {
    const run = await treeCpu(process.execPath, options.args, { cwd: options.cwd, env });
    if (run.status !== 0) process.stderr.write(`warning: '${options.command}' exited with ${run.status}\n`);
    seconds.push(run.wall);
    cpu.push(run.cpu);
    process.stderr.write(
      `  ${options.name}: run ${i + 1}/${options.count} ${run.wall.toFixed(2)} s (CPU ${run.cpu.toFixed(2)} s, ${run.processes} processes)\n`,
    );
  }
  return { name: options.name, command: options.command, seconds, cpu };
}
