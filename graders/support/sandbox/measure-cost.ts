/**
 * What the OS sandbox costs per graded exercise: the time from starting the student's process to
 * its first answer (start Node, load tfjs, bundle and import the submission, one call), with
 * bubblewrap and with Node's permission model alone, interleaved so machine load hits both alike.
 *
 *   npx tsx graders/support/sandbox/measure-cost.ts --runs 11
 *
 * Prints one Markdown row per setting: median, min–max (s).
 */
import path from 'node:path';
import { repoRoot, solutionsDir } from '../paths.ts';
import { Sandbox } from './client.ts';
import { osSandbox, osSandboxSwitch } from './os-sandbox.ts';
import { commandLine } from '../command-line.ts';

const { values } = commandLine('measure-cost', { runs: { type: 'string', default: '11' } }, 'npx tsx graders/support/sandbox/measure-cost.ts [--runs N]', {
  positionals: false,
});
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs: expected a positive integer, got '${values.runs}'`);
const os = osSandbox();
if (!os.available) throw new Error(`measure-cost: expected bubblewrap to be usable, got: ${os.reason}`);

async function once(sandboxed: boolean): Promise<number> {
  process.env[osSandboxSwitch] = sandboxed ? 'on' : 'off';
  const sandbox = new Sandbox({ backend: 'cpu', readable: [path.join(repoRoot, 'datasets')] });
  const start = performance.now();
  sandbox.warm();
  sandbox.target({ entry: path.join(solutionsDir, 'exercise-01-convolution', 'convolution.ts'), allowSolutions: true });
  await sandbox.request('call', { fn: 'outputSize', args: [5, 3] }, { timeoutMs: 60_000, label: 'outputSize' });
  const seconds = (performance.now() - start) / 1000;
  await sandbox.close();
  return seconds;
}

const times: Record<'bwrap' | 'permission model only', number[]> = { bwrap: [], 'permission model only': [] };
await once(true); // warm-up: the runner's bundle and the disk cache
for (let i = 0; i < runs; i++) {
  times['permission model only'].push(await once(false));
  times.bwrap.push(await once(true));
}
for (const [name, list] of Object.entries(times)) {
  const sorted = [...list].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  process.stdout.write(`| ${name} | ${median.toFixed(2)} s | ${sorted[0].toFixed(2)}–${sorted[sorted.length - 1].toFixed(2)} s | ${runs} |\n`);
}
process.exit(0);
