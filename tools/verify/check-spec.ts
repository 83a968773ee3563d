/**
 * Step: the repository's own unit tests (`*.spec.ts`: harness, datasets, tools).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../graders/support/paths.ts';
import type { Step } from './step.ts';

export const spec: Step = {
  name: 'spec',
  async run() {
    const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
    const result = spawnSync(process.execPath, [vitest, 'run', '--config', 'vitest.spec.config.ts'], {
      cwd: repoRoot,
      encoding: 'utf8',
      env: { ...process.env, NO_COLOR: '1' },
    });
    const output = `${result.stdout}${result.stderr}`.trim().split('\n');
    const summary = output.filter((l) => /Test Files|Tests |FAIL|✗|×/.test(l));
    return { ok: result.status === 0, lines: result.status === 0 ? summary : output.slice(-60) };
  },
};
