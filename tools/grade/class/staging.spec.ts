/**
 * Class grading always finishes: staging limits and errors become notes of the student's line,
 * paths are reported relative to the student's folder, statuses name compile errors, crashes and
 * timeouts, and every name gets a file name the file system accepts.
 */
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCourse } from '../../../graders/support/course.ts';
import type { ExerciseResult, FailureKind, RunResult } from '../../../graders/support/results/model.ts';
import { exerciseReport, unfinishedReport } from './exercise-report.ts';
import { byName, outputName } from './names.ts';
import { statusOf } from './outcome.ts';
import { relativeRun, relativeTo } from './relative-paths.ts';
import { maxDepth, maxFilesPerExercise, stageSubmission } from './stage.ts';

const course = parseCourse(readFileSync(new URL('../exports/fixtures/course.json', import.meta.url), 'utf8'));
const dir = mkdtempSync(path.join(tmpdir(), 'staging-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  writeFileSync(file, text);
}

describe('staging', () => {
  it('skips and names special files, cuts a huge tree short and stops at a depth limit', () => {
    const source = path.join(dir, 'huge');
    write(path.join(source, 'exercise-01-sums', 'sums.ts'), 'export {};\n');
    execFileSync('mkfifo', [path.join(source, 'exercise-01-sums', 'pipe')]);
    for (let i = 0; i < maxFilesPerExercise + 5; i++) write(path.join(source, 'exercise-02-quiz', `a${String(i).padStart(4, '0')}.ts`), '');
    write(path.join(source, 'exercise-02-quiz', 'answers.ts'), '');
    const deep = path.join(source, 'exercise-01-sums', ...Array.from({ length: maxDepth + 1 }, (_, i) => `d${i}`));
    write(path.join(deep, 'x.ts'), '');
    const staged = stageSubmission(source, path.join(dir, 'stage-huge'), course);
    expect(staged.notes).toContain('exercise-01: skipped exercise-01-sums/pipe: a fifo');
    expect(staged.notes.some((n) => /^exercise-01: skipped exercise-01-sums\/d0\/.*\/d11\/: folders nested over 12 deep$/.test(n))).toBe(true);
    expect(staged.notes).toContain(
      `exercise-02: stopped at exercise-02-quiz/a${String(maxFilesPerExercise).padStart(4, '0')}.ts: the exercise folder holds over ${maxFilesPerExercise} files`,
    );
    expect(staged.present).toEqual(['exercise-01']);
    expect(staged.notes).toContain('exercise-02: missing exercise-02-quiz/answers.ts (0 points)');
  });

  it('an error while copying one exercise leaves that exercise ungraded, with the reason and no staging path', () => {
    const source = path.join(dir, 'err');
    write(path.join(source, 'exercise-01-sums', 'sums.ts'), 'export {};\n');
    write(path.join(source, 'exercise-02-quiz', 'answers.ts'), 'export {};\n');
    const target = path.join(dir, 'stage-err');
    write(path.join(target, 'exercise-01-sums'), 'a file where a folder goes');
    const staged = stageSubmission(source, target, course);
    expect(staged.present).toEqual(['exercise-02']);
    const note = staged.notes.find((n) => n.startsWith('exercise-01: could not be copied for grading ('))!;
    expect(note).toMatch(/\(0 points\)$/);
    expect(note).not.toContain(dir);
  });
});

describe('paths relative to the student', () => {
  it('rewrites the staging folder and the original folder, and only whole names', () => {
    expect(relativeTo('/tmp/g/s1/exercise-01-sums/sums.ts:3:5: Unexpected ";"', ['/tmp/g/s1'])).toBe('exercise-01-sums/sums.ts:3:5: Unexpected ";"');
    expect(relativeTo('graded /tmp/g/s1 and /tmp/g/s10/x', ['/tmp/g/s1'])).toBe('graded . and /tmp/g/s10/x');
    expect(relativeTo('/class/ada/exercise-02-quiz', ['/tmp/g/s1', '/class/ada'])).toBe('exercise-02-quiz');
  });

  it('in a whole run: messages and target', () => {
    const run = { target: '/tmp/g/s1', exercises: [{ id: 'exercise-01', error: 'boom at /tmp/g/s1/exercise-01-sums/sums.ts' }] } as unknown as RunResult;
    const rewritten = relativeRun(run, ['/tmp/g/s1'], 'ada');
    expect(rewritten.target).toBe('ada');
    expect(rewritten.exercises[0].error).toBe('boom at exercise-01-sums/sums.ts');
  });
});

describe('status and note of an exercise', () => {
  const failed = (summary: string, kind: FailureKind = 'wrong'): ExerciseResult =>
    ({
      id: 'exercise-05',
      score: 0,
      parts: [{ tests: [{ name: 't', status: 'failed', failure: { kind, summary, sections: [] } }] }],
    }) as unknown as ExerciseResult;

  it('a compile error, with its location', () => {
    expect(
      exerciseReport(
        'exercise-05',
        failed('exercise-05-quiz/answers.ts does not compile:\nexercise-05-quiz/answers.ts:99:18: Unexpected ";"\n    code', 'compile'),
      ),
    ).toEqual({
      score: 0,
      problem: 'compile-error',
      note: 'exercise-05: does not compile: exercise-05-quiz/answers.ts:99:18: Unexpected ";"',
    });
  });

  it('a failing test is no problem; a grader that could not run and a missing result are crashes', () => {
    expect(exerciseReport('exercise-05', failed('q01: not the right answer yet.'))).toEqual({ score: 0, note: '' });
    // The kind decides, never the words: a wrong answer that quotes a compiler is still a wrong answer.
    expect(exerciseReport('exercise-05', failed('q07: your answer says "x does not compile:\ny"'))).toEqual({ score: 0, note: '' });
    expect(exerciseReport('exercise-05', { ...failed(''), error: 'SyntaxError: x\n at y' }).problem).toBe('crashed');
    expect(exerciseReport('exercise-05', undefined)).toEqual({ score: 0, problem: 'crashed', note: 'exercise-05: the grader did not run (0 points)' });
  });

  it('a timeout and a crash of a grading that did not finish', () => {
    expect(unfinishedReport('exercise-01', { timedOut: true, budgetMs: 60_000, exitCode: null, tail: '' })).toEqual({
      score: 0,
      problem: 'timeout',
      note: 'exercise-01: timed out after 60 s and was stopped (0 points)',
    });
    expect(unfinishedReport('exercise-01', { timedOut: false, budgetMs: 60_000, exitCode: 1, tail: 'a\nKilled\n' }).note).toBe(
      'exercise-01: the grading ended without results (exit code 1): Killed (0 points)',
    );
  });

  it('the status lists the problems met, in a fixed order', () => {
    expect(statusOf(new Set())).toBe('graded');
    expect(statusOf(new Set(['timeout', 'compile-error']))).toBe('compile-error+timeout');
  });
});

describe('names', () => {
  it('sort the same way on every machine', () => {
    expect(['bob', 'ada', 'Ada', 'é', '=1+1'].sort(byName)).toEqual(['=1+1', 'Ada', 'ada', 'bob', 'é']);
  });

  it('give file names the file system accepts, distinct for distinct long names', () => {
    expect(outputName('ada lovelace')).toBe('ada%20lovelace');
    const a = outputName('é'.repeat(120));
    const b = outputName(`${'é'.repeat(119)}e`);
    expect(a.length).toBeLessThanOrEqual(120);
    expect(a).not.toBe(b);
    write(path.join(dir, 'names', `${a}.txt`), 'ok');
  });
});
