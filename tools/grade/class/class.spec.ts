/**
 * Grading a class, piece by piece: which entries are submissions, what staging copies, the
 * gradebook's rows (a proper CSV), and the feedback of each kind of outcome.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCourse } from '../../../graders/support/course.ts';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { parseCsv } from '../csv.ts';
import { feedbackText } from './feedback.ts';
import { gradebookCsv } from './gradebook.ts';
import type { Outcome } from './outcome.ts';
import { stageSubmission } from './stage.ts';
import { listSubmissions } from './submissions.ts';

const course = parseCourse(readFileSync(new URL('../exports/fixtures/course.json', import.meta.url), 'utf8'));
const dir = mkdtempSync(path.join(tmpdir(), 'class-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

const submissions = path.join(dir, 'submissions');
write(path.join(submissions, 'ada', 'exercise-01-sums', 'sums.ts'), 'export const x = 1;\n');
write(path.join(submissions, 'ada', 'exercise-01-sums', 'helpers', 'h.ts'), 'export const h = 2;\n');
write(path.join(submissions, 'ada', 'exercise-02-quiz', 'answers.ts'), 'export const answers = {};\n');
write(path.join(submissions, 'bob', 'exercise-01-sums', 'notes.txt'), 'forgot the file\n');
write(path.join(submissions, 'carl.zip'), 'PK');
mkdirSync(path.join(submissions, 'dora', 'random'), { recursive: true });
write(path.join(submissions, '.DS_Store'), '');
mkdirSync(path.join(submissions, '.git', 'objects'), { recursive: true });
symlinkSync(path.join(submissions, 'ada'), path.join(submissions, 'eve'));
symlinkSync('/etc/passwd', path.join(submissions, 'ada', 'exercise-01-sums', 'stolen.ts'));

describe('submissions', () => {
  it('lists every entry, with a reason for the ones that cannot be graded', () => {
    const list = listSubmissions(submissions, course).map((s) => [s.student, s.skipped === undefined ? (s.problem ?? 'ok') : 'skipped']);
    expect(list).toEqual([
      ['.git', 'skipped'],
      ['ada', 'ok'],
      ['bob', 'ok'],
      ['carl.zip', 'malformed: a file, expected a folder laid out like exercises/ (e.g. exercise-01-sums/)'],
      ['dora', 'malformed: no exercise folder inside, expected a folder laid out like exercises/ (e.g. exercise-01-sums/)'],
      ['eve', 'malformed: a symbolic link, expected a folder laid out like exercises/ (e.g. exercise-01-sums/)'],
    ]);
  });

  it('refuses a submissions folder that does not exist, saying what was expected', () => {
    expect(() => listSubmissions(path.join(dir, 'nope'), course)).toThrow(/expected a folder with one sub-folder per student, got '.*nope' \(ENOENT\)/);
  });

  it('stages regular files only, and notes what is missing or skipped', () => {
    const ada = stageSubmission(path.join(submissions, 'ada'), path.join(dir, 'stage', 'ada'), course);
    expect(ada.present).toEqual(['exercise-01', 'exercise-02']);
    expect(ada.notes).toEqual(['exercise-01: skipped the link exercise-01-sums/stolen.ts']);
    expect(readFileSync(path.join(dir, 'stage', 'ada', 'exercise-01-sums', 'helpers', 'h.ts'), 'utf8')).toBe('export const h = 2;\n');
    const bob = stageSubmission(path.join(submissions, 'bob'), path.join(dir, 'stage', 'bob'), course);
    expect(bob.present).toEqual([]);
    expect(bob.notes).toEqual(['exercise-01: missing exercise-01-sums/sums.ts (0 points)', 'exercise-02: missing exercise-02-quiz/ (0 points)']);
  });
});

const run = (JSON.parse(readFileSync(new URL('../exports/fixtures/fail/input.json', import.meta.url), 'utf8')) as { run: RunResult }).run;
const outcomes: Outcome[] = [
  { student: 'ada', status: 'graded', note: '', scores: { 'exercise-01': 4, 'exercise-02': 1 }, run, tail: '', durationMs: 1000 },
  {
    student: 'Lovelace, "Ada"',
    status: 'timeout',
    note: 'exercise-01: timed out after 600 s and was stopped (0 points); exercise-02: timed out after 600 s and was stopped (0 points)',
    scores: { 'exercise-01': 0, 'exercise-02': 0 },
    run: undefined,
    tail: '',
    durationMs: 600_000,
  },
  {
    student: 'carl.zip',
    status: 'malformed',
    note: 'malformed: a file, expected a folder',
    scores: { 'exercise-01': 0, 'exercise-02': 0 },
    run: undefined,
    tail: '',
    durationMs: 0,
  },
  {
    student: 'dan',
    status: 'crashed',
    note: 'crashed: the grading ended without results (exit code 1): boom',
    scores: { 'exercise-01': 0, 'exercise-02': 0 },
    run: undefined,
    tail: 'line 1\nboom\n',
    durationMs: 10,
  },
];

describe('gradebook', () => {
  it('one row per submission: scores per exercise, total, status and note, read back as written', () => {
    const rows = parseCsv(gradebookCsv(['exercise-01', 'exercise-02'], outcomes));
    expect(rows[0]).toEqual(['student', 'exercise-01', 'exercise-02', 'total', 'status', 'note']);
    expect(rows[1]).toEqual(['ada', '4', '1', '5', 'graded', '']);
    expect(rows[2]).toEqual([
      'Lovelace, "Ada"',
      '0',
      '0',
      '0',
      'timeout',
      'exercise-01: timed out after 600 s and was stopped (0 points); exercise-02: timed out after 600 s and was stopped (0 points)',
    ]);
    expect(rows).toHaveLength(5);
  });
});

describe('feedback', () => {
  it('a graded submission gets the score table and every failure with its hint, without colours', () => {
    const text = feedbackText(outcomes[0], 'default');
    expect(text).toMatch(/^Feedback for ada — graded against the reference solutions, run seed 'default'\./);
    expect(text).toContain('exercise-01 · Sums');
    expect(text).toContain('got 3, expected 6');
    expect(text).toContain('Hint (part B): Loop.');
    expect(text).not.toContain('\u001b['); // no terminal colour codes
  });

  it('a submission that could not be graded says why, and a crash shows its last lines', () => {
    expect(feedbackText(outcomes[1], 'default')).toContain(
      'Status: timeout\nexercise-01: timed out after 600 s and was stopped (0 points)\nexercise-02: timed out',
    );
    expect(feedbackText(outcomes[3], 'default')).toContain('The grading that did not finish printed (last lines):\nline 1\nboom');
  });
});
