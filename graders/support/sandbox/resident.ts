/**
 * Resident memory of a process and everything below it (Linux /proc; 0 elsewhere). The student's
 * process may sit under bwrap's own processes, so the watchdog adds up the whole tree.
 */
import { readFileSync } from 'node:fs';

function readOr(file: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch {
    return '';
  }
}

/** MiB resident in `pid` and its descendants, e.g. `treeResidentMiB(child.pid)` → 212.5. */
export function treeResidentMiB(pid: number, depth = 0): number {
  const match = /VmRSS:\s+(\d+)\s+kB/.exec(readOr(`/proc/${pid}/status`));
  let total = match ? Number(match[1]) / 1024 : 0;
  if (depth > 4) return total;
  for (const child of readOr(`/proc/${pid}/task/${pid}/children`).split(' ')) {
    if (/^\d+$/.test(child)) total += treeResidentMiB(Number(child), depth + 1);
  }
  return total;
}
