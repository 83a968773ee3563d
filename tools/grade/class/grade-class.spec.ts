/**
 * Grading a class end to end, on one exercise to stay fast: a correct submission, a stub, a file
 * and an empty folder in one run (two at a time), then a submission stopped by the time limit —
 * each with its gradebook line and feedback file, and no grading process left behind.
 */
import { appendFileSync, cpSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../../graders/support/course.ts';
import { repoRoot } from '../../../graders/support/paths.ts';
import { parseCsv } from '../csv.ts';
import { mergeShards } from './merge.ts';
import { gradeClass } from './grade-class.ts';

const course = loadCourse();
// The quickest exercise to grade: one graded on cpu only, if there is one.
const exercise = [...course.exercises].reverse().find((e) => e.parts.every((p) => p.tensors !== true)) ?? course.exercises[0];
const dir = mkdtempSync(path.join(tmpdir(), 'grade-class-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function submission(name: string, from: 'solutions' | 'exercises', folder = 'class'): void {
  cpSync(path.join(repoRoot, from, exercise.folder), path.join(dir, folder, name, exercise.folder), { recursive: true });
}

/** PIDs of live processes whose environment holds `GRADE_RUN_ID=<id>` (Linux). */
function processesOf(runIds: string[]): number[] {
  if (!existsSync('/proc')) return [];
  return readdirSync('/proc')
    .filter((p) => /^\d+$/.test(p))
    .filter((p) => {
      try {
        const env = readFileSync(`/proc/${p}/environ`, 'latin1');
        return runIds.some((id) => env.includes(`GRADE_RUN_ID=${id}\0`));
      } catch {
        return false;
      }
    })
    .map(Number);
}

describe(`grading a class (${exercise.id})`, () => {
  it('grades every submission and gives the broken ones a line of their own', async () => {
    submission('ada', 'solutions');
    submission('bob', 'exercises');
    writeFileSync(path.join(dir, 'class', 'carl.zip'), 'PK');
    mkdirSync(path.join(dir, 'class', 'dora'));
    const lines: string[] = [];
    const report = await gradeClass(
      course,
      {
        submissions: path.join(dir, 'class'),
        out: path.join(dir, 'out'),
        jobs: 2,
        budgetMs: 300_000,
        exercises: [exercise.id],
        backends: ['cpu'],
        seed: 'default',
      },
      (l) => lines.push(l),
    );
    const rows = parseCsv(readFileSync(report.gradebook, 'utf8'));
    expect(rows[0]).toEqual(['student', exercise.id, 'total', 'status', 'note']);
    const max = exercise.parts.filter((p) => !p.bonus).reduce((s, p) => s + p.points, 0);
    expect(Number(rows[1][1])).toBeGreaterThanOrEqual(max);
    expect(rows[1].slice(3)).toEqual(['graded', '']);
    expect(rows[2].slice(1, 4)).toEqual(['0', '0', 'graded']);
    expect(rows[3].slice(3)).toEqual(['malformed', `malformed: a file, expected a folder laid out like exercises/ (e.g. ${exercise.folder}/)`]);
    expect(rows[4][3]).toBe('malformed');
    expect(lines).toHaveLength(4);
    expect(readFileSync(path.join(dir, 'out', 'feedback', 'bob.txt'), 'utf8')).toMatch(/What to fix:[\s\S]*Hint \(part /);
    expect(existsSync(path.join(dir, 'out', 'results', 'ada.json'))).toBe(true);
  }, 300_000);

  it('stops a grading at the time limit, records it, and leaves no process behind', async () => {
    submission('slow', 'solutions');
    const report = await gradeClass(
      course,
      {
        submissions: path.join(dir, 'class'),
        out: path.join(dir, 'out-slow'),
        jobs: 1,
        budgetMs: 300,
        exercises: [exercise.id],
        backends: ['cpu'],
        seed: 'default',
      },
      () => {},
    );
    const slow = report.outcomes.find((o) => o.student === 'slow')!;
    expect(slow.status).toBe('timeout');
    expect(slow.note).toBe(`${exercise.id}: timed out after 0.3 s and was stopped (0 points)`);
    expect(readFileSync(path.join(dir, 'out-slow', 'feedback', 'slow.txt'), 'utf8')).toMatch(/timeout/);
    await new Promise((r) => setTimeout(r, 300));
    expect(processesOf(report.outcomes.flatMap((o) => o.runIds ?? []))).toEqual([]);
  }, 300_000);

  it("reports compile errors relative to the student, guards formulas, names skipped folders; N shards merge to the single run's bytes", async () => {
    const long = 'é'.repeat(120);
    submission('ada', 'solutions', 'mixed');
    submission('=1+1', 'solutions', 'mixed');
    submission('broken', 'exercises', 'mixed');
    appendFileSync(path.join(dir, 'mixed', 'broken', exercise.folder, exercise.files[0]), '\nexport const oops = ;\n');
    submission(long, 'exercises', 'mixed');
    mkdirSync(path.join(dir, 'mixed', '.hidden'));
    const options = { submissions: path.join(dir, 'mixed'), jobs: 2, budgetMs: 300_000, exercises: [exercise.id], backends: ['cpu'], seed: 'default' };
    await gradeClass(course, { ...options, out: path.join(dir, 'whole') }, () => {});
    const text = readFileSync(path.join(dir, 'whole', 'gradebook.csv'), 'utf8');
    const rows = parseCsv(text);
    expect(rows.map((r) => [r[0], r[3]])).toEqual([
      ['student', 'status'],
      ['.hidden', 'skipped'],
      ["'=1+1", 'graded'],
      ['ada', 'graded'],
      ['broken', 'compile-error'],
      [long, 'graded'],
    ]);
    expect(rows[4][4]).toMatch(new RegExp(`^${exercise.id}: does not compile: ${exercise.folder}/${exercise.files[0]}:\\d+:\\d+: `));
    expect(rows[1][4]).toMatch(/^skipped: the folder's name starts with '\.'/);
    expect(text).not.toContain(tmpdir());
    const brokenFeedback = readFileSync(path.join(dir, 'whole', 'feedback', 'broken.txt'), 'utf8');
    expect(brokenFeedback).toContain('Status: compile-error');
    expect(brokenFeedback).not.toContain(dir);
    const shards = [1, 2].map((index) => path.join(dir, `shard-${index}`));
    for (const [i, out] of shards.entries()) await gradeClass(course, { ...options, out, shard: { index: i + 1, count: 2 } }, () => {});
    mergeShards(shards, path.join(dir, 'merged'));
    for (const file of ['gradebook.csv', 'class.json', ...readdirSync(path.join(dir, 'whole', 'feedback')).map((f) => `feedback/${f}`)]) {
      expect(readFileSync(path.join(dir, 'merged', file), 'utf8'), file).toBe(readFileSync(path.join(dir, 'whole', file), 'utf8'));
    }
  }, 600_000);
});
