/**
 * Benchmark of `npm start` (for MAINTAINERS.md, "`npm start`"): in a copy of the repository
 * with every exercise of course.json, on cpu, the first run (which grades everything) once, then
 * the median of several cached runs — through npm, through the launcher alone, and through tsx
 * for comparison — next to the floor, a bare `node -e 0`. Prints a Markdown table.
 *
 *   npx tsx tools/student/bench-start.ts [--runs 5]
 *
 * Runs are interleaved (one of each case per round); CPU time comes from /usr/bin/time when present.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { loadCourse } from '../../graders/support/course.ts';
import { studentEnv } from '../lib/e2e-process.ts';
import { copyRepo } from '../lib/repo-copy.ts';
import type { CourseProgress } from './progress.ts';
import { commandLine } from '../../graders/support/command-line.ts';

const { values } = commandLine('bench-start', { runs: { type: 'string', default: '5' } }, 'npx tsx tools/student/bench-start.ts [--runs N]', {
  positionals: false,
});
const runs = Number(values.runs);
const repo = copyRepo(loadCourse().exercises.map((e) => e.id));
const env = studentEnv();

const timeBinary = existsSync('/usr/bin/time') ? '/usr/bin/time' : undefined;
const cpuFile = path.join(repo.root, '.grade', 'bench-cpu.txt');
mkdirSync(path.dirname(cpuFile), { recursive: true });

/** One run: wall-clock seconds, and CPU seconds (user + system, children included) where /usr/bin/time exists. */
function once(command: string, args: string[]): { wall: number; cpu?: number } {
  const [file, argv] = timeBinary ? [timeBinary, ['-f', '%U %S', '-o', cpuFile, command, ...args]] : [command, args];
  const started = process.hrtime.bigint();
  const result = spawnSync(file, argv, { cwd: repo.root, env, stdio: 'ignore' });
  const wall = Number(process.hrtime.bigint() - started) / 1e9;
  if (result.status !== 0 && result.status !== 1) process.stderr.write(`warning: ${command} ${args.join(' ')} exited with ${result.status}\n`);
  if (!timeBinary) return { wall };
  const [user, system] = readFileSync(cpuFile, 'utf8').trim().split(/\s+/).slice(-2).map(Number);
  return { wall, cpu: user + system };
}

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid] : (s[mid - 1] + s[mid]) / 2;
}

interface Case {
  name: string;
  command: string;
  args: string[];
  runs: { wall: number; cpu?: number }[];
}

const fmt = (x: number): string => x.toFixed(2);
function row(c: Case): string {
  const walls = c.runs.map((r) => r.wall);
  const cpus = c.runs.flatMap((r) => (r.cpu === undefined ? [] : [r.cpu]));
  const cpu = cpus.length > 0 ? fmt(median(cpus)) : 'n/a';
  return `| ${c.name} | \`${[c.command, ...c.args].join(' ')}\` | ${fmt(median(walls))} | ${fmt(Math.min(...walls))}–${fmt(Math.max(...walls))} | ${cpu} | ${c.runs.length} |`;
}

try {
  const first: Case = { name: 'first `npm start` (grades every exercise)', command: 'npm', args: ['start', '--silent'], runs: [] };
  first.runs.push(once(first.command, first.args));
  const cases: Case[] = [
    { name: 'floor: bare Node', command: 'node', args: ['-e', '0'], runs: [] },
    { name: 'cached `npm start`', command: 'npm', args: ['start', '--silent'], runs: [] },
    { name: 'cached, the launcher without npm', command: 'node', args: ['tools/student/launch.mjs', 'start'], runs: [] },
    { name: 'cached, through tsx (no launcher)', command: 'node', args: ['node_modules/tsx/dist/cli.mjs', 'tools/student/start.ts'], runs: [] },
  ];
  // Interleaved, so a change in the machine's load hits every case alike.
  for (let i = 0; i < runs; i++) {
    for (const c of cases) c.runs.push(once(c.command, c.args));
    process.stderr.write(`round ${i + 1}/${runs}\n`);
  }
  const check = spawnSync('node', ['tools/student/launch.mjs', 'start', '--json'], { cwd: repo.root, env, encoding: 'utf8' });
  const graded = (JSON.parse(check.stdout) as CourseProgress).graded;
  process.stdout.write('\n| run | command | wall, median (s) | wall, range (s) | CPU user+sys, median (s) | runs |\n|---|---|---|---|---|---|\n');
  for (const c of [first, ...cases]) process.stdout.write(`${row(c)}\n`);
  const exercises = loadCourse().exercises.length;
  process.stdout.write(
    `\nNode ${process.version}, ${cpus().length} cores, ${exercises} exercises, cpu only (COURSE_WEBGPU=0); load average ${loadavg()[0].toFixed(1)} at the end; the cached runs re-graded ${graded.length === 0 ? 'nothing' : graded.join(', ')}.\n`,
  );
} finally {
  repo.remove();
}
