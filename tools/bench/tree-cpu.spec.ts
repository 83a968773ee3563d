import { describe, expect, it } from 'vitest';
import { treeCpu } from './tree-cpu.ts';

// A child that burns about 0.4 s of CPU, started by a parent that only waits for it.
const busyChild = 'for (const t = Date.now(); Date.now() - t < 400;);';
const parent = `const { spawnSync } = require('node:child_process'); spawnSync(process.execPath, ['-e', ${JSON.stringify(busyChild)}]);`;

describe('treeCpu', () => {
  it("counts the CPU of the command's children, not only its own", async () => {
    const run = await treeCpu(process.execPath, ['-e', parent]);
    expect(run.status).toBe(0);
    expect(run.processes).toBeGreaterThanOrEqual(2);
    // The parent alone uses ~0.05 s; the child's loop 0.5 s, of which the time since the last sample is missed (up to ~0.1 s on a loaded machine).
    expect(run.cpu).toBeGreaterThanOrEqual(0.25);
  });

  it('reports the exit status of a command that fails', async () => {
    const run = await treeCpu(process.execPath, ['-e', 'process.exit(3)']);
    expect(run.status).toBe(3);
    expect(run.processes).toBe(1);
  });
});
