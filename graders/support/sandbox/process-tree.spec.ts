import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { killAndWait, treePids } from './process-tree.ts';

const linux = process.platform === 'linux';

function running(pid: number): boolean {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/^[ZX]$/.test(stat.slice(stat.lastIndexOf(')') + 2, stat.lastIndexOf(')') + 3));
  } catch {
    return false;
  }
}

async function until(check: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !check(); i++) await new Promise((resolve) => setTimeout(resolve, 10));
}

describe.runIf(linux)('killAndWait', () => {
  it('kills a child and the process below it, and resolves only once both are gone', async () => {
    // sh stays the parent of sleep (`wait`), like bwrap above the student's Node process.
    const child = spawn('sh', ['-c', 'sleep 30 & wait'], { stdio: 'ignore' });
    await until(() => treePids(child.pid ?? 0).length === 2);
    const tree = treePids(child.pid ?? 0);
    expect(tree).toHaveLength(2);
    expect(tree.every(running)).toBe(true);
    const start = Date.now();
    await killAndWait(child);
    expect(tree.filter(running)).toEqual([]);
    expect(Date.now() - start).toBeLessThan(5_000);
  });

  it('resolves at once for a process that has already exited', async () => {
    const child = spawn('true', [], { stdio: 'ignore' });
    await new Promise((resolve) => child.once('exit', resolve));
    await killAndWait(child);
    expect(child.exitCode).toBe(0);
  });
});
