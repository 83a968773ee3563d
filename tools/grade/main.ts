/**
 * `npm run grade`: the instructors' (and the autograding workflow's) grading commands, all views
 * of the course's one result model.
 *
 *   npm run grade -- --format github|gradescope|classroom50 [--results <file>] [--grade] [--exercise <id>]… [--out <file>]
 *   npm run grade -- --format github --exercise exercise-01 --results <file> --github-output result
 *   npm run grade -- --points [--results-dir .grade/autograding]
 *   npm run grade -- --submissions <dir> [--shard K/N] [--out <dir>] [--jobs <n>] [--timeout <s per exercise>] [--seed <text>] [--backend cpu]… [--exercise <id>]… [--unsafe-no-sandbox]
 *   npm run grade -- --merge <shard dir>… --out <dir>
 *   npm run grade -- --write-workflow <file> --shards <N>
 */
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';
import { commandLine } from '../../graders/support/command-line.ts';
import { findExercise, loadCourse } from '../../graders/support/course.ts';
import { repoRoot, stateDir, targetDir } from '../../graders/support/paths.ts';
import { points } from '../../graders/support/results/points.ts';
import type { RunResult } from '../../graders/support/results/model.ts';
import { gradeRun } from '../lib/grade-run.ts';
import { exportRun, findFormat } from './exports/formats.ts';
import { encodeRunnerResult, type GithubRunnerResult } from './exports/github.ts';
import { printPoints } from './points.ts';
import { readRun, storedRun } from './results-file.ts';
import { gradeTarget } from '../../graders/support/settings.ts';

// After `usage: ` (command-line.ts prints it so for --help): the forms, one a line.
const usage = `
  npm run grade -- --format github|gradescope|classroom50 [--results <file>] [--grade] [--exercise <id>]... [--out <file>] [--github-output <name>]
      reads each exercise's last complete grading in the result store (.grade/results/) unless --results or --grade; a filtered run is never exported
  npm run grade -- --points [--results-dir <dir>]
  npm run grade -- --submissions <dir> [--shard K/N] [--out <dir>] [--jobs <n>] [--timeout <seconds per exercise>] [--seed <text>] [--backend cpu|webgpu]... [--exercise <id>]... [--unsafe-no-sandbox]
  npm run grade -- --merge <shard dir>... --out <dir>
  npm run grade -- --write-workflow <file> --shards <N>`;

function fail(message: string): never {
  process.stderr.write(`grade: ${message}\nusage: ${usage}\n`);
  process.exit(2);
}

const { values, positionals } = commandLine(
  'grade',
  {
    format: { type: 'string' },
    results: { type: 'string' },
    grade: { type: 'boolean' },
    exercise: { type: 'string', multiple: true },
    out: { type: 'string' },
    'github-output': { type: 'string' },
    points: { type: 'boolean' },
    'results-dir': { type: 'string' },
    submissions: { type: 'string' },
    jobs: { type: 'string' },
    timeout: { type: 'string' },
    seed: { type: 'string' },
    backend: { type: 'string', multiple: true },
    shard: { type: 'string' },
    merge: { type: 'boolean' },
    'unsafe-no-sandbox': { type: 'boolean' },
    'write-workflow': { type: 'string' },
    shards: { type: 'string' },
  },
  usage,
  // The shard folders of --merge are positionals; refused anywhere else (below).
);
if (positionals.length > 0 && !values.merge) fail(`unexpected argument '${positionals[0]}'.`);

const course = loadCourse();
const ids = (values.exercise ?? []).map((key) => {
  try {
    return findExercise(key, course).id;
  } catch (error) {
    return fail((error as Error).message);
  }
});

function positiveNumber(name: string, raw: string | undefined, fallback: number): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!(Number.isFinite(value) && value > 0)) fail(`--${name}: expected a positive number, got '${raw}'.`);
  return value;
}

async function exportCommand(format: string): Promise<void> {
  try {
    findFormat(format);
  } catch (error) {
    fail((error as Error).message);
  }
  let run: RunResult | undefined;
  if (values.grade) {
    const target = gradeTarget.read();
    process.stderr.write(`grading ${target}${ids.length ? ` (${ids.join(', ')})` : ''}…\n`);
    run = (await gradeRun({ target, exercises: ids })).result;
    if (run === undefined) process.stderr.write('grade: the grading wrote no results; exporting an error result.\n');
  } else if (values.results !== undefined) {
    const read = readRun(path.resolve(values.results));
    run = read.run;
    if (read.problem !== undefined) process.stderr.write(`grade: ${read.problem}; exporting an error result (grade first: npm test, or add --grade).\n`);
  } else {
    // The result store: each exercise's last complete grading (npm test, npm start, watch); filtered runs are never read.
    const read = storedRun(course, targetDir(), ids);
    run = read.run;
    for (const problem of read.problems) process.stderr.write(`grade: ${problem}; exporting it as an error result.\n`);
  }
  const value = exportRun(format, run, course, ids);
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (values['github-output'] !== undefined) {
    if (format !== 'github') fail('--github-output works with --format github only.');
    const runner = value as GithubRunnerResult;
    const line = `${values['github-output']}=${encodeRunnerResult(runner)}\n`;
    if (process.env.GITHUB_OUTPUT) appendFileSync(process.env.GITHUB_OUTPUT, line);
    else process.stdout.write(line);
    for (const t of runner.tests) process.stdout.write(`${t.status === 'pass' ? '✓' : '✗'} ${t.name}: ${points(t.score)}\n`);
  }
  if (values.out !== undefined) {
    mkdirSync(path.dirname(path.resolve(values.out)), { recursive: true });
    writeFileSync(values.out, text);
    process.stderr.write(`wrote ${values.out}\n`);
  } else if (values['github-output'] === undefined) {
    process.stdout.write(text);
  }
}

/** Refuses to grade a class without the OS sandbox unless the instructor said --unsafe-no-sandbox. */
async function requireSandbox(): Promise<void> {
  const { osSandbox } = await import('../../graders/support/sandbox/os-sandbox.ts');
  const sandbox = osSandbox();
  if (sandbox.available) return;
  if (!values['unsafe-no-sandbox']) {
    fail(
      `no OS sandbox for the students' code: ${sandbox.reason}. Grade a class where bubblewrap runs (Linux), or pass --unsafe-no-sandbox for submissions you trust (INSTRUCTORS.md, step 5 "Grade the class").`,
    );
  }
  process.stderr.write(
    `grade: WARNING: --unsafe-no-sandbox: ${sandbox.reason}; students' code runs under Node's permission model only. ` +
      'It can open sockets, and process.kill(-1) in a submission kills every process of this user, this run included (the gradebook keeps the students graded so far).\n',
  );
}

async function classCommand(dir: string): Promise<void> {
  const { gradeClass, requireLiveSolutions } = await import('./class/grade-class.ts');
  const { parseShard } = await import('./class/shard.ts');
  let shard: ReturnType<typeof parseShard> | undefined;
  try {
    requireLiveSolutions(course.exercises.filter((e) => ids.length === 0 || ids.includes(e.id)));
    shard = values.shard === undefined ? undefined : parseShard(values.shard);
  } catch (error) {
    fail((error as Error).message);
  }
  await requireSandbox();
  const { stopAllGradings } = await import('./class/run-isolated.ts');
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      const stopped = stopAllGradings();
      process.stderr.write(`\ngrade: interrupted; stopped ${stopped} grading(s). The gradebook holds the submissions graded so far.\n`);
      process.exit(130);
    });
  }
  const backends = values.backend ?? ['cpu'];
  for (const b of backends) if (b !== 'cpu' && b !== 'webgpu') fail(`--backend: expected cpu or webgpu, got '${b}'.`);
  const out = values.out ?? path.join(path.relative(repoRoot, stateDir) || '.grade', 'class');
  const options = {
    submissions: dir,
    out,
    jobs: positiveNumber('jobs', values.jobs, cpus().length),
    budgetMs: positiveNumber('timeout', values.timeout, 240) * 1000,
    exercises: ids,
    backends,
    seed: values.seed?.trim() || 'default',
    shard,
  };
  const slice = shard === undefined ? '' : ` (shard ${shard.index}/${shard.count})`;
  process.stdout.write(
    `Grading the submissions in ${dir}${slice} against the reference solutions and the answers held back: ${options.jobs} at a time, ${options.budgetMs / 1000} s per exercise at most, run seed '${options.seed}', backends ${backends.join(', ')}.\n`,
  );
  let report: Awaited<ReturnType<typeof gradeClass>>;
  try {
    report = await gradeClass(course, options, (line) => process.stdout.write(`${line}\n`));
  } catch (error) {
    fail((error as Error).message);
  }
  const counts = new Map<string, number>();
  for (const o of report.outcomes) counts.set(o.status, (counts.get(o.status) ?? 0) + 1);
  process.stdout.write(
    `\n${report.outcomes.length} submission(s) in ${(report.elapsedMs / 1000).toFixed(0)} s (${report.perMinute.toFixed(1)} per minute): ${[...counts].map(([s, n]) => `${n} ${s}`).join(', ')}.\n` +
      `gradebook: ${path.relative(process.cwd(), report.gradebook)}\nfeedback:  ${path.relative(process.cwd(), path.join(path.dirname(report.gradebook), 'feedback'))}/<student>.txt\n`,
  );
}

async function mergeCommand(): Promise<void> {
  const { mergeShards } = await import('./class/merge.ts');
  if (values.out === undefined) fail('--merge: expected --out <dir> for the merged gradebook.');
  try {
    const merged = mergeShards(positionals, values.out);
    process.stdout.write(`merged ${positionals.length} shard(s): ${merged.outcomes.length} line(s) in ${path.join(values.out, 'gradebook.csv')}\n`);
  } catch (error) {
    fail((error as Error).message);
  }
}

async function workflowCommand(file: string): Promise<void> {
  const { classWorkflow } = await import('./class/workflow.ts');
  const shards = Number(values.shards);
  if (values.shards === undefined || !Number.isInteger(shards))
    fail(`--write-workflow: expected --shards <N>, a whole number from 1 to 256, got '${values.shards ?? ''}'.`);
  let text = '';
  try {
    text = classWorkflow(shards);
  } catch (error) {
    fail((error as Error).message);
  }
  mkdirSync(path.dirname(path.resolve(file)), { recursive: true });
  writeFileSync(file, text);
  process.stdout.write(`wrote ${file}\n`);
}

if (values.submissions !== undefined) {
  await classCommand(values.submissions);
} else if (values.merge) {
  await mergeCommand();
} else if (values['write-workflow'] !== undefined) {
  await workflowCommand(values['write-workflow']);
} else if (values.points) {
  printPoints(course, path.resolve(values['results-dir'] ?? path.join(stateDir, 'autograding')));
} else if (values.format !== undefined) {
  await exportCommand(values.format);
} else {
  fail('expected --format, --points, --submissions, --merge or --write-workflow.');
}
