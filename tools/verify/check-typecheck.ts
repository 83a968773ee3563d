/**
 * Step: the whole repository type-checks in strict mode (`tsc -p .`).
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../graders/support/paths.ts';
import type { Step } from './step.ts';

export const typecheck: Step = {
  name: 'typecheck',
  async run() {
    const tsc = path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc');
    const result = spawnSync(process.execPath, [tsc, '-p', repoRoot], { cwd: repoRoot, encoding: 'utf8' });
    const output = `${result.stdout}${result.stderr}`.trim();
    return { ok: result.status === 0, lines: output === '' ? ['tsc -p . : no errors'] : output.split('\n').slice(0, 40) };
  },
};
