/**
 * Golden fixtures for the exports, like exercism's test runners: each case under fixtures/ holds
 * an input (a RunResult, the exercises asked for and the environment) and the expected JSON of
 * every format. `UPDATE_GOLDEN=1 npx vitest run --config vitest.spec.config.ts tools/grade`
 * rewrites the expectations; review the diff before keeping it.
 */
import { existsSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseCourse } from '../../../graders/support/course.ts';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { readRunResult } from '../../../graders/support/results/schema.ts';
import { classroom50Identity } from './classroom50.ts';
import { checkClassroom50, checkGithub, checkGradescope } from './fields.ts';
import { exportRun, formats } from './formats.ts';
import { encodeRunnerResult, toGithubRunner } from './github.ts';
import { updateGolden } from '../../../graders/support/settings.ts';

const here = path.dirname(fileURLToPath(import.meta.url));
const fixtures = path.join(here, 'fixtures');
const course = parseCourse(readFileSync(path.join(fixtures, 'course.json'), 'utf8'));
const cases = readdirSync(fixtures).filter((f) => existsSync(path.join(fixtures, f, 'input.json')));

interface Input {
  ids: string[];
  env: Record<string, string>;
  run: RunResult | null;
  /** The export's clock, for cases without a run. */
  now?: string;
}

describe('exports match their golden fixtures', () => {
  for (const name of cases) {
    const input = JSON.parse(readFileSync(path.join(fixtures, name, 'input.json'), 'utf8')) as Input;
    for (const format of Object.keys(formats)) {
      it(`${name} → ${format}`, () => {
        // Each input is a valid result of the current schema version: the one reader checks it.
        const run = input.run === null ? undefined : readRunResult(input.run, `fixtures/${name}/input.json`);
        const actual = exportRun(format, run, course, input.ids, input.env, new Date(input.now ?? '2026-11-28T06:00:00Z'));
        const file = path.join(fixtures, name, `expected-${format}.json`);
        if (updateGolden.read()) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
        expect(actual).toEqual(JSON.parse(readFileSync(file, 'utf8')));
      });
    }
  }
});

describe('the goldens say what each case means', () => {
  const load = (name: string, format: string) => JSON.parse(readFileSync(path.join(fixtures, name, `expected-${format}.json`), 'utf8'));

  it('pass: full marks plus the bonus everywhere', () => {
    expect(load('pass', 'github')).toMatchObject({ status: 'pass', max_score: 7 });
    expect(load('pass', 'github').tests.reduce((s: number, t: { score: number }) => s + t.score, 0)).toBe(9);
    expect(load('pass', 'gradescope')).toMatchObject({ score: 9 });
    // Classroom 50 refuses a score above its maximum: the bonus makes up lost points, capped.
    expect(load('pass', 'classroom50')).toMatchObject({ score: 7, 'max-score': 7 });
    expect(load('pass', 'classroom50').tests.find((t: { bonus: boolean }) => t.bonus)).toMatchObject({ score: 2, 'max-score': 2 });
  });

  it('fail: a partial part keeps its share, and the message and hint reach every format', () => {
    const github = load('fail', 'github');
    expect(github.status).toBe('fail');
    // Part B earned 2 of 3: three point tests, two passed, the first carrying the score.
    const b = github.tests.filter((t: { name: string }) => t.name.includes('Part B'));
    expect(b.map((t: { status: string }) => t.status)).toEqual(['pass', 'pass', 'fail']);
    expect(b[0]).toMatchObject({ score: 2 });
    expect(b[0].message).toContain('got 3, expected 6');
    expect(b[0].message).toContain('Hint (part B)');
    expect(load('fail', 'gradescope').tests.find((t: { number: string }) => t.number === '01.B')).toMatchObject({ score: 2, max_score: 3, status: 'failed' });
    expect(load('fail', 'classroom50')).toMatchObject({ classroom: 'cnn-2026', owner: 'alice', score: 5, 'max-score': 7 });
  });

  it('error: a grader that could not run, a missing exercise and modified graders are all visible', () => {
    const github = load('error', 'github');
    expect(github.status).toBe('error');
    // Every point test fails, the first of each part says why; the modified file is named in
    // the first test's name (the reporter prints names only).
    expect(github.tests.filter((t: { status: string }) => t.status === 'error').length).toBe(4); // one per part
    expect(github.tests.every((t: { status: string }) => t.status !== 'pass')).toBe(true);
    expect(github.tests[0].name).toContain('files differ from the release: graders/exercise-01-sums/part-b.ts');
    expect(github.graders_modified).toEqual(['graders/exercise-01-sums/part-b.ts']);
    expect(load('error', 'gradescope').extra_data.graders_modified).toEqual(['graders/exercise-01-sums/part-b.ts']);
    expect(load('error', 'gradescope').output).toContain('differ from the release');
    expect(load('error', 'classroom50')).toMatchObject({ score: 0, 'max-score': 7, graders_modified: ['graders/exercise-01-sums/part-b.ts'] });
  });

  it('missing: no results file still gives a valid zero', () => {
    expect(load('missing', 'github')).toMatchObject({ status: 'error', max_score: 5 });
    expect(load('missing', 'classroom50')).toMatchObject({ score: 0, 'max-score': 5 });
  });
});

describe('the field checks reject what the platforms would', () => {
  const run = (JSON.parse(readFileSync(path.join(fixtures, 'fail', 'input.json'), 'utf8')) as Input).run ?? undefined;

  it('every export names files the pristine step restored or deleted (COURSE_FILES_MODIFIED)', () => {
    const env = { COURSE_FILES_MODIFIED: '.npmrc,graders/extra.test.ts' };
    expect((exportRun('github', run, course, [], env) as { graders_modified: string[] }).graders_modified).toEqual(['.npmrc', 'graders/extra.test.ts']);
    expect((exportRun('gradescope', run, course, [], env) as { extra_data: { graders_modified: string[] } }).extra_data.graders_modified).toEqual([
      '.npmrc',
      'graders/extra.test.ts',
    ]);
    expect((exportRun('classroom50', run, course, [], env) as { graders_modified: string[] }).graders_modified).toEqual(['.npmrc', 'graders/extra.test.ts']);
  });

  it('github: a missing score, a wrong status, an undocumented field', () => {
    const good = toGithubRunner(run, course);
    expect(checkGithub(good)).toEqual([]);
    const { score: _dropped, ...noScore } = good.tests[0];
    expect(checkGithub({ ...good, tests: [noScore] })).toEqual(['tests[0].score: missing']);
    expect(checkGithub({ ...good, status: 'passed' })[0]).toMatch(/status: expected one of pass, fail, error/);
    expect(checkGithub({ ...good, points: 3 })).toEqual(['result.points: not a documented field']);
  });

  it('github: the base64 step output decodes to the same result', () => {
    const good = toGithubRunner(run, course);
    expect(JSON.parse(Buffer.from(encodeRunnerResult(good), 'base64').toString('utf8'))).toEqual(good);
  });

  it('gradescope: a score that is not the sum of the tests, a bad visibility', () => {
    const good = exportRun('gradescope', run, course) as { score: number; visibility: string };
    expect(checkGradescope({ ...good, score: good.score + 1 })[0]).toMatch(/not the sum/);
    expect(checkGradescope({ ...good, visibility: 'public' })[0]).toMatch(/visibility: expected one of/);
  });

  it('classroom50: fractional points, a bad datetime, a wrong schema', () => {
    const good = exportRun('classroom50', run, course) as { score: number; datetime: string };
    const who = classroom50Identity(process.env, []);
    expect(checkClassroom50({ ...good, score: 4.5 }, who)).toContain('result.score: expected integer, got number');
    expect(checkClassroom50({ ...good, datetime: '2026-11-28T05:11:16.128Z' }, who)[0]).toMatch(/datetime/);
    expect(checkClassroom50({ ...good, schema: 'classroom50/result/v2' }, who)[0]).toMatch(/schema: expected one of classroom50\/result\/v1/);
  });

  it("classroom50: Classroom 50's own rules — a total or a test above its max, another owner, a bad submission tag", () => {
    const env = { CLASSROOM: 'cnn-2026', OWNER: 'alice', SUBMISSION_TAG: 'submit/20261128-abc' };
    const good = exportRun('classroom50', run, course, [], env) as { score: number; 'max-score': number; tests: Record<string, unknown>[] };
    const who = classroom50Identity(env, []);
    expect(checkClassroom50(good, who)).toEqual([]);
    expect(checkClassroom50({ ...good, score: good['max-score'] + 2 }, who)).toEqual([
      `Classroom 50 would refuse it: score (${good['max-score'] + 2}) > max-score (${good['max-score']})`,
    ]);
    const over = { ...good, tests: good.tests.map((t, i) => (i === 0 ? { ...t, score: Number(t['max-score']) + 1 } : t)) };
    expect(checkClassroom50(over, who)[0]).toMatch(/tests\[0\]\.score \(\d+\) > tests\[0\]\.max-score/);
    expect(checkClassroom50(good, { ...who, username: 'bob' })[0]).toMatch(/owner = 'alice', want 'bob'/);
    expect(checkClassroom50({ ...good, submission: 'local' }, who)[0]).toMatch(/submission must start with 'submit\/'/);
    expect(() => exportRun('classroom50', run, course, [], { ...env, ASSIGNMENT_TYPE: 'team' })).toThrow(/assignment_type/);
  });

  it('a grader error beside graded parts keeps their points and is reported (e.g. a backend with nothing to run)', () => {
    const mixed = structuredClone(run!);
    mixed.exercises[1].error = 'Error: No test suite found in file graders/exercise-02-quiz/quiz.test.ts';
    const github = toGithubRunner(mixed, course);
    expect(github.tests.filter((t) => t.name.startsWith('exercise-02')).map((t) => t.score)).toEqual([0, 1]);
    const gradescope = exportRun('gradescope', mixed, course) as { score: number; output: string };
    expect(gradescope.score).toBe(5);
    expect(gradescope.output).toContain('exercise-02: the grader reported an error beside the graded parts: Error: No test suite found');
  });

  it('classroom50: a partial part that earned a fraction is rounded down, the exact score kept', () => {
    const half = structuredClone(run!);
    half.exercises[0].parts[1].score = 2.5;
    const result = exportRun('classroom50', half, course) as { tests: Record<string, unknown>[] };
    expect(result.tests[1]).toMatchObject({ score: 2, 'exact-score': 2.5, 'max-score': 3 });
  });
});

describe('a filtered run is never exported as a grade', () => {
  const fail = JSON.parse(readFileSync(path.join(fixtures, 'fail', 'input.json'), 'utf8')) as Input;
  for (const format of Object.keys(formats)) {
    it(`${format} refuses a filtered run with a clear Error`, () => {
      const filtered = { ...readRunResult(fail.run, 'fail'), filtered: true };
      expect(() => exportRun(format, filtered, course, fail.ids, fail.env)).toThrow(/needs a complete run, got a filtered run/);
    });
  }
});
