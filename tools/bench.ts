/**
 * `npm run bench`: wall-clock benchmarks of grading, each the median of several runs next to a
 * floor — a bare `vitest run` of one trivial test. Prints a Markdown table for MAINTAINERS.md
 * ("Grading and verify"); it writes no file. Run it on an otherwise idle machine.
 *
 *   npm run bench                         # floor, exercise 01 (isolated and in-process), cpu and cpu+webgpu
 *   npm run bench -- --runs 5 --exercise exercise-03
 *   npm run bench -- --verify             # also time `npm run verify` (long)
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { detectWebgpu } from '../graders/support/backends/detect.ts';
import { repoRoot } from '../graders/support/paths.ts';
import { commandLine } from '../graders/support/command-line.ts';

const { values } = commandLine(
  'bench',
  { runs: { type: 'string', default: '5' }, exercise: { type: 'string', multiple: true }, verify: { type: 'boolean', default: false } },
  'npm run bench -- [--runs N] [--exercise <id>]... [--verify]',
  { positionals: false },
);
const runs = Number(values.runs);
const exercises = values.exercise ?? ['exercise-01'];
const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');

interface Timing {
  name: string;
  command: string;
  seconds: number[];
}

function time(name: string, command: string, args: string[], options: { cwd?: string; env?: NodeJS.ProcessEnv } = {}, count = runs): Timing {
  const seconds: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = process.hrtime.bigint();
    const result = spawnSync(process.execPath, args, { cwd: options.cwd ?? repoRoot, env: { ...process.env, NO_COLOR: '1', ...options.env }, stdio: 'ignore' });
    const elapsed = Number(process.hrtime.bigint() - start) / 1e9;
    if (result.status !== 0) process.stderr.write(`warning: '${command}' exited with ${result.status}\n`);
    seconds.push(elapsed);
    process.stderr.write(`  ${name}: run ${i + 1}/${count} ${elapsed.toFixed(2)} s\n`);
  }
  return { name, command, seconds };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

/** A bare vitest project with one trivial test: the floor every grading run pays. */
function floorProject(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'bench-floor-'));
  symlinkSync(path.join(repoRoot, 'node_modules'), path.join(dir, 'node_modules'));
  writeFileSync(path.join(dir, 'package.json'), '{ "type": "module" }\n');
  mkdirSync(path.join(dir, 'test'));
  writeFileSync(path.join(dir, 'test', 'trivial.test.ts'), "import { expect, test } from 'vitest';\ntest('trivial', () => expect(1 + 1).toBe(2));\n");
  return dir;
}

const timings: Timing[] = [];
const floorDir = floorProject();
// One unmeasured run each, so caches (vitest's module cache, the webgpu probe) are warm.
spawnSync(process.execPath, [vitest, 'run'], { cwd: floorDir, stdio: 'ignore' });
timings.push(time('floor: bare `vitest run`, one trivial test', 'vitest run (1 trivial test)', [vitest, 'run'], { cwd: floorDir }));
rmSync(floorDir, { recursive: true, force: true });

const webgpu = detectWebgpu();
for (const id of exercises) {
  const solutions = { GRADE_TARGET: 'solutions' };
  spawnSync(process.execPath, [vitest, 'run', id, '--project', 'cpu'], { cwd: repoRoot, env: { ...process.env, ...solutions }, stdio: 'ignore' });
  timings.push(
    time(`${id}, solutions, cpu, isolated`, `GRADE_TARGET=solutions npm test ${id} -- --project cpu`, [vitest, 'run', id, '--project', 'cpu'], {
      env: solutions,
    }),
  );
  timings.push(
    time(
      `${id}, solutions, cpu, in-process (no isolation)`,
      `GRADE_ISOLATION=off GRADE_TARGET=solutions npm test ${id} -- --project cpu`,
      [vitest, 'run', id, '--project', 'cpu'],
      {
        env: { ...solutions, GRADE_ISOLATION: 'off' },
      },
    ),
  );
  if (webgpu.available) {
    timings.push(time(`${id}, solutions, cpu + webgpu (${webgpu.adapter})`, `GRADE_TARGET=solutions npm test ${id}`, [vitest, 'run', id], { env: solutions }));
  }
}
if (values.verify) {
  timings.push(
    time('npm run verify', 'npm run verify', [path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs'), 'tools/verify/main.ts'], {}, Math.min(runs, 3)),
  );
}

const floor = median(timings[0].seconds);
const cpu = cpus()[0]?.model ?? 'unknown CPU';
const lines = [
  `Machine: ${cpus().length} × ${cpu}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}. Median of ${runs} runs (wall clock, after one warm-up run).`,
  '',
  '| what | command | median | min–max | × floor |',
  '|---|---|---|---|---|',
  ...timings.map((t) => {
    const m = median(t.seconds);
    const range = `${Math.min(...t.seconds).toFixed(2)}–${Math.max(...t.seconds).toFixed(2)} s`;
    return `| ${t.name} | \`${t.command}\` | ${m.toFixed(2)} s | ${range} | ${(m / floor).toFixed(1)}× |`;
  }),
];
process.stdout.write(`${lines.join('\n')}\n`);
