/**
 * `npm run bench`: issue 16's targets in one run, each as median, min–max and ratio to its floor
 * (a bare `vitest run` of one trivial test) with the target met or not. Prints a Markdown table;
 * `--write` also puts it into MAINTAINERS.md (between `<!-- bench:table -->` markers). Run it on an
 * otherwise idle machine.
 *
 *   npm run bench                          # floor; exercise 01 cold (wall and CPU); watch save → verdict
 *   npm run bench -- --runs 5 --exercise exercise-03
 *   npm run bench -- --cold-watch          # also the watch loop as it was (a vitest run per save)
 *   npm run bench -- --start --class --verify   # also first `npm start`, class grading, verify (long)
 *   npm run bench -- --ci                  # `bash .ci/run` on a fresh clone of HEAD, step by step (long)
 *   npm run bench -- --all --write         # everything but --verify (--ci times verify as CI runs it)
 */
import { spawnSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { detectWebgpu } from '../graders/support/backends/detect.ts';
import { commandLine } from '../graders/support/command-line.ts';
import { repoRoot } from '../graders/support/paths.ts';
import { courseWebgpu } from '../graders/support/settings.ts';
import { benchClassThroughput } from './bench/class-throughput.ts';
import { benchFreshCloneCi } from './bench/fresh-clone-ci.ts';
import { floorProject, median, timeNode } from './bench/measure.ts';
import { type BenchRow, renderTable, writeTable } from './bench/table.ts';
import { timeTreeNode } from './bench/tree-cpu.ts';
import { benchVerifySteps } from './bench/verify-steps.ts';
import { benchWatchLoop } from './bench/watch-loop.ts';

const { values } = commandLine(
  'bench',
  {
    runs: { type: 'string', default: '5' },
    exercise: { type: 'string', multiple: true },
    watch: { type: 'string', default: 'exercise-01' },
    'cold-watch': { type: 'boolean', default: false },
    start: { type: 'boolean', default: false },
    class: { type: 'boolean', default: false },
    verify: { type: 'boolean', default: false },
    ci: { type: 'boolean', default: false },
    all: { type: 'boolean', default: false },
    write: { type: 'boolean', default: false },
  },
  'npm run bench -- [--runs N] [--exercise <id>]... [--watch <id>] [--cold-watch] [--start] [--class] [--verify] [--ci] [--all] [--write]',
  { positionals: false },
);
const runs = Number(values.runs);
if (!Number.isInteger(runs) || runs < 1) throw new Error(`bench: --runs expects a whole number ≥ 1, got '${values.runs}'.`);
const exercises = values.exercise ?? ['exercise-01'];
const vitest = path.join(repoRoot, 'node_modules', 'vitest', 'vitest.mjs');
const tsx = path.join(repoRoot, 'node_modules', 'tsx', 'dist', 'cli.mjs');
const rows: BenchRow[] = [];
const notes: string[] = [];

const floorDir = floorProject();
const floor = timeNode({
  name: 'floor: bare `vitest run`, one trivial test',
  command: 'vitest run (1 trivial test)',
  args: [vitest, 'run'],
  cwd: floorDir.dir,
  count: runs,
});
floorDir.remove();
const floorWall = median(floor.seconds);
const floorCpu = floor.cpu === undefined ? undefined : median(floor.cpu);
rows.push({ timing: floor, floor: floorWall }, ...(floorCpu === undefined ? [] : [{ timing: floor, floor: floorCpu, cpu: true }]));

const webgpu = detectWebgpu();
const within2x = { text: '≤ 2× floor', met: (_m: number, ratio: number | undefined) => ratio !== undefined && ratio <= 2 };
for (const id of exercises) {
  const solutions = { GRADE_TARGET: 'solutions' };
  const cold = timeNode({
    name: `${id}, solutions, cpu, isolated`,
    command: `GRADE_TARGET=solutions npm test ${id} -- --project cpu`,
    args: [vitest, 'run', id, '--project', 'cpu'],
    env: solutions,
    count: runs,
  });
  rows.push({ timing: cold, floor: floorWall }, ...(floorCpu === undefined ? [] : [{ timing: cold, floor: floorCpu, cpu: true, target: within2x }]));
  // The row above misses the student's process (/usr/bin/time never sees it: tools/bench/tree-cpu.ts); this one counts it (Linux /proc).
  if (floorCpu !== undefined && process.platform === 'linux') {
    const everyProcess = await timeTreeNode({
      name: `${id}, solutions, cpu, isolated, every process (the student's too)`,
      command: `GRADE_TARGET=solutions npm test ${id} -- --project cpu`,
      args: [vitest, 'run', id, '--project', 'cpu'],
      env: solutions,
      count: runs,
    });
    rows.push({ timing: everyProcess, floor: floorCpu, cpu: true });
  }
  const inProcess = timeNode({
    name: `${id}, solutions, cpu, in-process (no isolation; benchmark only)`,
    command: `GRADE_ISOLATION=off GRADE_TARGET=solutions npm test ${id} -- --project cpu`,
    args: [vitest, 'run', id, '--project', 'cpu'],
    env: { ...solutions, GRADE_ISOLATION: 'off' },
    count: runs,
  });
  rows.push({ timing: inProcess, floor: floorWall });
  if (webgpu.available) {
    const both = timeNode({
      name: `${id}, solutions, cpu + webgpu (${webgpu.adapter})`,
      command: `GRADE_TARGET=solutions npm test ${id}`,
      args: [vitest, 'run', id],
      env: solutions,
      count: runs,
    });
    rows.push({ timing: both, floor: floorWall });
  }
}

// The watch loop on cpu (webgpu would grade every save twice): save → first verdict, target ≤ 1.0 s.
const cpuOnly = { [courseWebgpu.name]: '0' };
const underASecond = { text: '≤ 1.0 s', met: (m: number) => m <= 1 };
const [first, complete] = await benchWatchLoop({ exercise: values.watch, runs, env: cpuOnly });
rows.push({ timing: first, floor: floorWall, target: underASecond }, { timing: complete, floor: floorWall });
if (values['cold-watch'] || values.all) {
  const [coldFirst, coldComplete] = await benchWatchLoop({ exercise: values.watch, runs, cold: true, env: cpuOnly });
  rows.push({ timing: coldFirst, floor: floorWall }, { timing: coldComplete, floor: floorWall });
}

if (values.start || values.all) {
  // bench-start copies the repository and prints its own table (first run, cached runs, floor).
  const run = spawnSync(process.execPath, [tsx, 'tools/student/bench-start.ts', '--runs', String(runs)], {
    cwd: repoRoot,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  if (run.status !== 0) throw new Error(`bench: tools/student/bench-start.ts exited with ${run.status}`);
  notes.push(`First \`npm start\` (tools/student/bench-start.ts):\n\n${run.stdout.trim()}`);
}
if (values.class || values.all) {
  for (const timing of benchClassThroughput({ copies: 3, jobs: 2, runs: Math.min(runs, 3) })) {
    rows.push({ timing, target: { text: '≤ 3 s per submission (20/min)', met: (m) => m <= 3 } });
  }
}
const underMinutes = (minutes: number) => ({ text: `≤ ${minutes} min`, met: (m: number) => m <= minutes * 60 });
if (values.ci || values.all) {
  const [ci, verify, ...steps] = benchFreshCloneCi(1);
  rows.push({ timing: ci, target: underMinutes(12) }, { timing: verify, target: underMinutes(8) }, ...steps.map((timing) => ({ timing })));
}
if (values.verify) {
  const timings = benchVerifySteps(Math.min(runs, 3));
  for (const timing of timings) rows.push({ timing, ...(timing === timings.at(-1) ? { target: underMinutes(8) } : {}) });
}

const machine = `${cpus().length} × ${cpus()[0]?.model ?? 'unknown CPU'}, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
const text = [
  `\`npm run bench -- ${process.argv.slice(2).join(' ')}\` on ${machine}; load average ${loadavg()[0].toFixed(1)} at the end. Median of ${runs} runs (after one warm-up run); CPU time is user + system of the command and its children.`,
  '',
  renderTable(rows),
  ...notes.map((n) => `\n${n}`),
].join('\n');
process.stdout.write(`${text}\n`);
if (values.write) {
  writeTable(path.join(repoRoot, 'MAINTAINERS.md'), text);
  process.stderr.write('bench: wrote the table into MAINTAINERS.md\n');
}
