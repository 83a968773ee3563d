/**
 * The student's loop end to end: `npm start`, `npm run watch`, `npm run hint` and `npm run reset`
 * run as real processes in a copy of the repository (exercise 01 only, cpu only). Each test gets
 * its own fresh copy and makes the state it starts from (a solved part, a cached grading), so the
 * tests pass in any order (`--sequence.shuffle`). Waits poll for their condition.
 */
import { cpSync, existsSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { repoRoot } from '../../graders/support/paths.ts';
import { processesIn, runNpm, startNpm } from '../lib/e2e-process.ts';
import { copyRepo, type RepoCopy } from '../lib/repo-copy.ts';
import { writePristineStubs } from '../lib/stubs.ts';
import type { CourseProgress } from './progress.ts';

const folder = 'exercise-01-convolution';
const stubFile = `exercises/${folder}/convolution.ts`;

/** The end of `export function outputSize … }` in a source text. */
function endOfOutputSize(text: string): number {
  const start = text.search(/^export function outputSize\b/m);
  const close = text.indexOf('\n}\n', start);
  if (start < 0 || close < 0) throw new Error('expected an exported outputSize function ending with a "}" line');
  return close + 3;
}

/** A student who solved part A as the reference does: its helpers and outputSize, the rest stubs. */
function solvedPartA(stub: string): string {
  const solution = readFileSync(path.join(repoRoot, 'solutions', folder, 'convolution.ts'), 'utf8');
  return solution.slice(0, endOfOutputSize(solution)) + stub.slice(endOfOutputSize(stub));
}

/** The text after the last separator watch mode prints without a terminal. */
function lastScreen(output: string): string {
  const screens = output.split('─'.repeat(72));
  return screens.length > 1 ? screens.at(-1)! : '';
}

describe('the student loop, end to end (exercise 01 on cpu)', () => {
  let repo: RepoCopy;
  let stub: string;
  const file = (): string => path.join(repo.root, stubFile);
  const start = async (): Promise<CourseProgress> => {
    const run = await runNpm(repo.root, ['start', '--silent', '--', '--json']);
    expect(run.code, run.stderr).toBe(0);
    return JSON.parse(run.stdout) as CourseProgress;
  };
  const cachedGradings = (): number => JSON.parse(readFileSync(path.join(repo.root, '.grade/results/exercises/exercise-01.json'), 'utf8')).complete.gradings;

  // What a student release ships in .course/stubs/, made aside before the student edits anything.
  const release = (): string => path.join(repo.root, '.grade', 'release');

  // A fresh copy per test (about a second): no test sees another's files, cache or hint levels.
  beforeEach(() => {
    repo = copyRepo(['exercise-01']);
    stub = readFileSync(file(), 'utf8');
    writePristineStubs(repo.root, release());
  });
  afterEach(() => repo?.remove());

  /** The student has solved part A, and `npm start` has graded (and cached) that. */
  const solvedAndCached = async (): Promise<void> => {
    writeFileSync(file(), solvedPartA(stub));
    const progress = await start();
    expect(progress.exercises[0]).toMatchObject({ score: 2 });
  };

  test('npm start grades the stub once, shows the points go up when part A is solved, and a second start grades nothing', async () => {
    const first = await start();
    expect(first.graded).toEqual(['exercise-01']);
    expect(first.exercises[0]).toMatchObject({ id: 'exercise-01', score: 0, gradings: 1 });
    expect(first.next).toMatchObject({ exercise: 'exercise-01', part: { id: 'A' } });

    writeFileSync(file(), solvedPartA(stub));
    const shown = await runNpm(repo.root, ['start', '--silent']);
    expect(shown.code, shown.stderr).toBe(0);
    expect(shown.stdout).toMatch(/✓ A {3}outputSize +2\/2/);
    expect(shown.stdout).toMatch(/exercise-01 · Convolution +2\/13/);
    expect(shown.stdout).toMatch(/Next: exercise-01 · Part B · correlate2d/);
    expect(shown.stdout).toContain('graded exercise-01 (your files changed)');

    const again = await start();
    expect(again.graded).toEqual([]);
    expect(again.exercises[0]).toMatchObject({ score: 2, gradings: 2 });
    expect(again.exercises[0].parts.find((p) => p.id === 'A')).toMatchObject({ status: 'passed', score: 2 });
    expect(cachedGradings()).toBe(2);
  }, 180_000);

  test('npm start and npm test agree on every part', async () => {
    await solvedAndCached();
    const results = path.join(repo.root, '.grade', 'npm-test.json');
    const tested = await runNpm(repo.root, ['test', '--silent', '--', 'exercise-01'], { env: { GRADE_RESULTS: results } });
    expect(tested.code).toBe(1); // parts B–F still fail
    const run = JSON.parse(readFileSync(results, 'utf8'));
    const fromTest = run.exercises[0].parts.map((p: { id: string; score: number; status: string }) => [p.id, p.score, p.status]);
    const progress = await start();
    expect(progress.graded).toEqual([]);
    expect(progress.exercises[0].parts.map((p) => [p.id, p.score, p.status])).toEqual(fromTest);
  }, 120_000);

  test('watch shows the cached result, then re-grades on a save, survives a syntax error and recovers on a rename-replace save', async () => {
    await solvedAndCached();
    const watch = startNpm(repo.root, ['run', '--silent', 'watch', '--', 'exercise-01']);
    try {
      await watch.waitFor('the cached result', (out) => lastScreen(out).includes('result from the cache'), 30_000);
      expect(lastScreen(watch.output())).toContain('First failing part: B · correlate2d');

      // An ordinary save (write in place) with a syntax error.
      const broken = `${solvedPartA(stub)}\nexport const oops = (;\n`;
      const line = broken.split('\n').length - 1;
      writeFileSync(file(), broken);
      await watch.waitFor('the compile error', (out) => lastScreen(out).includes('does not compile') && lastScreen(out).includes('Watching'), 90_000);
      expect(lastScreen(watch.output())).toContain(`${stubFile}:${line}:`);
      expect(lastScreen(watch.output())).toMatch(/First failing part: A · outputSize/);

      // An editor's save: write a temporary file, rename it over the original.
      writeFileSync(`${file()}.tmp`, solvedPartA(stub));
      renameSync(`${file()}.tmp`, file());
      await watch.waitFor('the repaired grading', (out) => /A +outputSize +✓ +2\/2/.test(lastScreen(out)) && lastScreen(out).includes('Watching'), 90_000);
      expect(lastScreen(watch.output())).toContain('First failing part: B · correlate2d');
      expect(lastScreen(watch.output())).toContain('npm run hint -- exercise-01 B');

      // Ctrl-C in the middle of a grading stops it and everything it started.
      const gradings = (out: string): number => out.split('grading exercise-01 (').length - 1;
      const before = gradings(watch.output());
      writeFileSync(file(), `${solvedPartA(stub)}\n// one more save\n`);
      await watch.waitFor('a grading to start', (out) => gradings(out) > before, 30_000);
      await watch.interrupt();
      expect(watch.output()).toContain('Stopped watching.');
      // Every save above was graded warm: watch says so when it falls back to grading from scratch.
      expect(watch.output()).not.toContain('grading each save from scratch');
    } finally {
      await watch.interrupt('SIGKILL');
    }
    const deadline = Date.now() + 5000;
    while (processesIn(repo.root).length > 0 && Date.now() < deadline) await new Promise((r) => setTimeout(r, 100));
    expect(processesIn(repo.root)).toEqual([]);
  }, 240_000);

  test('hint shows one more level per request, remembers it, and says when the last is reached', async () => {
    const levels: string[] = [];
    for (let i = 0; i < 4; i++) {
      const run = await runNpm(repo.root, ['run', '--silent', 'hint', '--', 'exercise-01', 'a']);
      expect(run.code, run.stderr).toBe(0);
      levels.push(run.stdout);
    }
    expect(levels[0]).toContain('hint 1 of 3');
    expect(levels[1]).toContain('hint 2 of 3');
    expect(levels[2]).toContain('That was the last hint for part A');
    expect(levels[3]).toContain('You have seen all 3 hints for part A');
    const unknown = await runNpm(repo.root, ['run', '--silent', 'hint', '--', 'exercise-01', 'Z']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr.trim().split('\n')).toEqual([expect.stringMatching(/no part 'Z': expected one of A, B, C, D, E, F/)]);
  }, 60_000);

  test('reset puts the stub back byte for byte, keeps the backup, and needs --yes without a terminal', async () => {
    writeFileSync(file(), solvedPartA(stub));
    const mine = readFileSync(file(), 'utf8');
    expect(mine).not.toBe(stub);
    const noCopy = await runNpm(repo.root, ['run', '--silent', 'reset', '--', 'exercise-01', '--yes']);
    expect(noCopy.code).toBe(1);
    expect(noCopy.stderr).toMatch(/^reset: no pristine copy of exercise-01-convolution\/convolution\.ts: .*\n$/);

    cpSync(path.join(release(), '.course'), path.join(repo.root, '.course'), { recursive: true });
    const unconfirmed = await runNpm(repo.root, ['run', '--silent', 'reset', '--', 'exercise-01']);
    expect(unconfirmed.code).toBe(2);
    expect(unconfirmed.stderr).toMatch(/^reset: .*--yes.*\n$/);
    expect(readFileSync(file(), 'utf8')).toBe(mine);

    const reset = await runNpm(repo.root, ['run', '--silent', 'reset', '--', 'exercise-01', '--yes']);
    expect(reset.code, reset.stderr).toBe(0);
    expect(readFileSync(file()).equals(Buffer.from(stub))).toBe(true);
    const backup = /Your version: (\S+)/.exec(reset.stdout)?.[1];
    expect(backup).toMatch(/^exercises\/exercise-01-convolution\/convolution\.ts\.bak-\d{8}-\d{6}$/);
    expect(readFileSync(path.join(repo.root, backup!), 'utf8')).toBe(mine);

    const again = await runNpm(repo.root, ['run', '--silent', 'reset', '--', 'exercise-01', '--yes']);
    expect(again.stdout).toContain('already the stub');
    expect(readdirSync(path.dirname(file())).filter((f) => f.includes('.bak-'))).toHaveLength(1);
  }, 60_000);

  test('a deleted stub file: npm start and watch say what to run, reset brings it back', async () => {
    cpSync(path.join(release(), '.course'), path.join(repo.root, '.course'), { recursive: true });
    rmSync(file());
    const started = await runNpm(repo.root, ['start', '--silent']);
    expect(started.code).toBe(1);
    expect(started.stdout).toContain(`${stubFile} is missing: exercise-01 expects it (course.json "files"); run \`npm run reset -- exercise-01\``);
    const restored = await runNpm(repo.root, ['run', '--silent', 'reset', '--', 'exercise-01', '--yes']);
    expect(restored.code, restored.stderr).toBe(0);
    expect(existsSync(file()) && readFileSync(file(), 'utf8') === stub).toBe(true);

    const unknown = await runNpm(repo.root, ['run', '--silent', 'watch', '--', 'exercise-9']);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^watch: unknown exercise 'exercise-9': expected one of exercise-01 — run `npm start` to see the course\.\n$/);
  }, 60_000);
});
