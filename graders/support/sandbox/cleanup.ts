/**
 * The safety net behind "no process it started is left running": finds every process whose
 * environment carries this run's sandbox marker and kills it. The student's process cannot start
 * children (permission model), so the sandboxes themselves are all there is to find; this catches
 * one orphaned by a killed worker. Linux only (reads /proc); elsewhere it does nothing.
 */
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { sandboxMarker } from './client.ts';

/** PIDs of live processes whose environment has `COURSE_SANDBOX=<runId>`. */
export function findSandboxes(runId: string): number[] {
  let entries: string[];
  try {
    entries = readdirSync('/proc');
  } catch {
    return [];
  }
  const needle = `${sandboxMarker}=${runId}\0`;
  const found: number[] = [];
  for (const entry of entries) {
    if (!/^\d+$/.test(entry) || Number(entry) === process.pid) continue;
    try {
      if (`${readFileSync(`/proc/${entry}/environ`, 'latin1')}\0`.includes(needle)) found.push(Number(entry));
    } catch {
      // Gone, or not ours to read.
    }
  }
  return found;
}

/** Kills every sandbox of the run; returns how many were still running. */
export function killSandboxes(runId: string): number {
  const pids = findSandboxes(runId);
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  return pids.length;
}

/**
 * Removes private build folders (`g-<pid>-<id>`, see client.ts) whose grader process is gone — left
 * by a worker that was killed before it could close its sandbox.
 */
export function removeStaleBuilds(buildDir: string): void {
  let entries: string[];
  try {
    entries = readdirSync(buildDir);
  } catch {
    return;
  }
  for (const entry of entries) {
    const pid = /^g-(\d+)-/.exec(entry)?.[1];
    if (pid === undefined || alive(Number(pid))) continue;
    rmSync(path.join(buildDir, entry), { recursive: true, force: true });
  }
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    // EPERM: alive, someone else's.
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
