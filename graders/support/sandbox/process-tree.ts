/**
 * Killing a student process and waiting until it is really gone. Under bwrap the Node process sits
 * below bwrap's own processes and dies only after them (`--die-with-parent`), so waiting for the
 * direct child's `exit` event is not enough: until the kernel has torn it down, the process still
 * shows its environment in /proc, and the reporter's leftover check (cleanup.ts) would count it as
 * "still running at the end" — a note that then depends on timing. Linux /proc; elsewhere only the
 * direct child is waited for.
 *
 * @example
 *   await killAndWait(child); // child and every process below it are gone (or zombies)
 */
import type { ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';

/** How long a killed tree may take to go before we stop waiting (a loaded machine: ~100 ms). */
const maxWaitMs = 5_000;
const pollMs = 10;

/** `pid` and its descendants (up to 5 levels: bwrap, its init, prlimit's exec, Node), e.g. [412, 413, 415]. */
export function treePids(pid: number, depth = 0): number[] {
  const out = [pid];
  if (depth > 4) return out;
  let children = '';
  try {
    children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8');
  } catch {
    return out;
  }
  for (const child of children.split(' ')) if (/^\d+$/.test(child)) out.push(...treePids(Number(child), depth + 1));
  return out;
}

/** Gone, or a zombie (whose environment /proc no longer shows): state Z or X in /proc/<pid>/stat. */
function gone(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // "pid (comm) S …": comm may hold spaces or parentheses, so read after the last ')'.
    const state = stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3);
    return state === 'Z' || state === 'X';
  } catch {
    return true;
  }
}

/** Sends SIGKILL to `child` (if it still runs) and every process below it, and resolves once it and its descendants are gone, or after 5 s. */
export async function killAndWait(child: ChildProcess): Promise<void> {
  const running = child.exitCode === null && child.signalCode === null;
  const tree = running && child.pid !== undefined ? treePids(child.pid) : [];
  const exited = running ? new Promise<void>((resolve) => child.once('exit', () => resolve())) : Promise.resolve();
  if (running) child.kill('SIGKILL');
  // Not only bwrap: its processes below would die after it anyway, sooner if told directly.
  for (const pid of tree.slice(1)) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Already gone.
    }
  }
  const deadline = Date.now() + maxWaitMs;
  const timeLeft = new Promise<void>((resolve) => setTimeout(resolve, maxWaitMs).unref());
  await Promise.race([exited, timeLeft]);
  while (Date.now() < deadline && !tree.every(gone)) await new Promise((resolve) => setTimeout(resolve, pollMs));
}
