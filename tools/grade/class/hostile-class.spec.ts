/**
 * A hostile class, graded as an instructor grades one (live solutions, the OS sandbox): a correct
 * student, a stub, attackers taken from graders/hostile/ (a solutions importer through /proc, a
 * socket opener, `kill(-1)`, a reader of peers' bundles, a canary hunter), a staging bomb and a
 * slow exercise next to a correct quiz. The run must finish with every student in the gradebook,
 * each attacker at the points its hostile expectation says it earns honestly, the slow student
 * losing only the slow exercise, and a secret held by the grader (a root-only file and an
 * environment variable) in no gradebook, feedback or results file.
 */
import { randomUUID } from 'node:crypto';
import { cpSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { findExercise, loadCourse, type Exercise } from '../../../graders/support/course.ts';
import type { Hostile } from '../../../graders/support/mutants/define.ts';
import { applyEdits } from '../../../graders/support/mutants/apply.ts';
import { repoRoot } from '../../../graders/support/paths.ts';
import { osSandbox } from '../../../graders/support/sandbox/os-sandbox.ts';
import { parseCsv } from '../csv.ts';
import { gradeClass } from './grade-class.ts';

const course = loadCourse();
const conv = findExercise('exercise-01', course);
const quiz = findExercise('exercise-05', course);
const dir = mkdtempSync(path.join(tmpdir(), 'hostile-class-spec-'));
const submissions = path.join(dir, 'class');
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Points a set of part outcomes earns (bonus included), from course.json. */
function pointsFor(exercise: Exercise, passing: (part: string) => boolean): number {
  return exercise.parts.filter((p) => passing(p.id)).reduce((sum, p) => sum + p.points, 0);
}

/** A student folder holding `exercise` as given by `from` (a copy of solutions/ or exercises/). */
function student(name: string, exercise: Exercise, from: 'solutions' | 'exercises'): string {
  const folder = path.join(submissions, name, exercise.folder);
  cpSync(path.join(repoRoot, from, exercise.folder), folder, { recursive: true });
  return folder;
}

/** A student whose exercise 01 is the solution with a hostile submission's edits, and a correct quiz. */
async function attacker(name: string, hostile: string): Promise<Hostile> {
  const { default: h } = (await import(pathToFileURL(path.join(repoRoot, 'graders', 'hostile', conv.id, `${hostile}.ts`)).href)) as { default: Hostile };
  const entry = path.join(student(name, conv, 'solutions'), conv.files[0]);
  writeFileSync(entry, applyEdits(readFileSync(entry, 'utf8'), h.edits));
  student(name, quiz, 'solutions');
  return h;
}

/**
 * The class's per-exercise budget, from this machine's own speed: `margin` times how long an
 * honest student's exercises took here just now (graded as a class of one), within
 * [`floorMs`, `ceilingMs`]. The slow student costs three budgets (its whole run, then its slow
 * exercise alone), all waiting: a fixed 45 s made that 135 s even on an idle machine, where an
 * honest student's two exercises take a few seconds; under load the budget grows with the honest time.
 *
 * @example budgetFrom(5_000) → 20_000; budgetFrom(30_000) → 45_000
 */
function budgetFrom(honestMs: number, margin = 4, floorMs = 10_000, ceilingMs = 45_000): number {
  return Math.min(ceilingMs, Math.max(floorMs, Math.ceil(margin * honestMs)));
}

/** Every file under `root`, as text. */
function everyText(root: string): string {
  return readdirSync(root, { recursive: true, encoding: 'utf8' })
    .map((f) => path.join(root, f))
    .filter((f) => statSync(f).isFile())
    .map((f) => readFileSync(f, 'utf8'))
    .join('\n');
}

describe.skipIf(!osSandbox().available)('grading a hostile class (exercises 01 and 05, cpu, the OS sandbox)', () => {
  it('finishes with every student in the gradebook, each at the points it earns honestly, and leaks no secret', async () => {
    const fullConv = pointsFor(conv, () => true);
    const fullQuiz = pointsFor(quiz, () => true);
    const expected = new Map<string, { conv: number; quiz: number; status: RegExp }>();

    // Calibration: an honest student alone, as a class of one, with the largest budget.
    const honest = path.join(dir, 'calibration');
    for (const e of [conv, quiz]) cpSync(path.join(repoRoot, 'solutions', e.folder), path.join(honest, 'ada', e.folder), { recursive: true });
    const options = { jobs: 2, exercises: [conv.id, quiz.id], backends: ['cpu'], seed: 'default' };
    const calibration = await gradeClass(
      course,
      { ...options, submissions: honest, out: path.join(dir, 'calibration-out'), budgetMs: budgetFrom(Infinity) },
      () => {},
    );
    expect(calibration.outcomes.map((o) => [o.student, o.status, o.scores[conv.id], o.scores[quiz.id]])).toEqual([['ada', 'graded', fullConv, fullQuiz]]);
    const budgetMs = budgetFrom(calibration.outcomes[0].durationMs);
    console.info(`hostile class: an honest student took ${(calibration.outcomes[0].durationMs / 1000).toFixed(1)} s; budget ${budgetMs / 1000} s an exercise`);

    student('ada', conv, 'solutions');
    student('ada', quiz, 'solutions');
    expected.set('ada', { conv: fullConv, quiz: fullQuiz, status: /^graded$/ });
    student('bob', conv, 'exercises');
    student('bob', quiz, 'exercises');
    expected.set('bob', { conv: 0, quiz: 0, status: /^graded$/ });

    const attacks = {
      importer: 'reexport-proc-cwd',
      socket: 'tcp-to-grader',
      killer: 'kill-everything',
      peer: 'peer-build',
      hunter: 'canary-hunt',
      environ: 'proc-environ',
    };
    for (const [name, hostile] of Object.entries(attacks)) {
      const h = await attacker(name, hostile);
      const passes = (part: string): boolean => h.expect[part] !== 'fail';
      expected.set(name, { conv: pointsFor(conv, passes), quiz: fullQuiz, status: /./ });
    }

    // A staging bomb: a tree just under the OS's path limit here, over it once staged under a
    // longer folder. Its own line, no crash.
    let deep = student('bomb', quiz, 'solutions');
    while (deep.length + 101 < 4000) {
      deep = path.join(deep, 'd'.repeat(100));
      mkdirSync(deep);
    }
    writeFileSync(path.join(deep, 'x.ts'), 'export {};\n');
    expected.set('bomb', { conv: 0, quiz: 0, status: /./ });

    // Every exercise 01 call sleeps just under the per-call limit: that exercise runs out of time
    // alone; the correct quiz keeps its points. It sleeps (Atomics.wait blocks the thread without
    // using a core) so the other gradings keep the machine, and its name sorts first so its
    // budgets run next to them rather than after them.
    const slow = path.join(student('a-slow', conv, 'solutions'), conv.files[0]);
    // (A function's body starts at the first line ending in '{' after its `export function` line.)
    const sleep = '  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 4500);';
    writeFileSync(slow, readFileSync(slow, 'utf8').replace(/^(export function \w+[\s\S]*?\{)$/gm, `$1\n${sleep}`));
    student('a-slow', quiz, 'solutions');
    expected.set('a-slow', { conv: 0, quiz: fullQuiz, status: /timeout/ });

    // The grader's secret: a root-only file the submissions are not given, and its environment.
    const canary = `canary-secret-${randomUUID()}`;
    const canaryFile = path.join(tmpdir(), `canary-${randomUUID()}`);
    writeFileSync(canaryFile, canary, { mode: 0o600 });
    process.env.COURSE_INSTRUCTOR_SECRET = canary;
    const out = path.join(dir, 'out');
    try {
      // The slow one costs its whole run (2 budgets) and its exercise 01 alone (1 budget).
      const report = await gradeClass(course, { ...options, submissions, out, budgetMs }, () => {});
      expect(report.outcomes.map((o) => o.student).sort()).toEqual([...expected.keys()].sort());
    } finally {
      delete process.env.COURSE_INSTRUCTOR_SECRET;
      rmSync(canaryFile, { force: true });
    }

    const rows = parseCsv(readFileSync(path.join(out, 'gradebook.csv'), 'utf8'));
    const header = rows[0];
    const column = (id: string): number => header.indexOf(id);
    for (const row of rows.slice(1)) {
      const want = expected.get(row[0])!;
      expect(want, `a gradebook line for an unknown student ${row[0]}`).toBeDefined();
      if (row[0] === 'bomb') {
        // Whatever of the bomb could be staged, its line says what happened and the run went on.
        expect(row[column('note')], 'bomb').not.toBe('');
        continue;
      }
      expect(Number(row[column(conv.id)]), `${row[0]}: ${conv.id} (${row[column('note')]})`).toBe(want.conv);
      expect(Number(row[column(quiz.id)]), `${row[0]}: ${quiz.id} (${row[column('note')]})`).toBe(want.quiz);
      expect(row[column('status')], row[0]).toMatch(want.status);
    }
    expect(everyText(out)).not.toContain(canary);
  }, 1_200_000);
});
