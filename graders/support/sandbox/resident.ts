/**
 * Resident memory of a process and everything below it (Linux /proc; 0 elsewhere). The student's
 * process may sit under bwrap's own processes, so the watchdog adds up the whole tree.
 */
import { readFileSync } from 'node:fs';
import { treePids } from './process-tree.ts';

function readOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** MiB resident in `pid` and its descendants, e.g. `treeResidentMiB(child.pid)` → 212.5. */
export function treeResidentMiB(pid: number): number {
  let kB = 0;
  for (const p of treePids(pid)) kB += Number(/VmRSS:\s+(\d+)\s+kB/.exec(readOr(`/proc/${p}/status`))?.[1] ?? 0);
  return kB / 1024;
}
