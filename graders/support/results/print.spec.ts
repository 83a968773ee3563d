import { stripVTControlCharacters as plain } from 'node:util';
import { describe, expect, it } from 'vitest';
import type { ExerciseResult, FailureData, PartResult, RunResult, TestResult } from './model.ts';
import { runResult } from './run-fixture.ts';
import { formatCounts, formatFailures, formatScoreTable, sharedFailure, testText } from './print.ts';

const failed = (message: string): TestResult => ({ name: `t ${message.length}`, backend: 'cpu', status: 'failed', durationMs: 1, message });
const failedWith = (failure: FailureData, name = 't'): TestResult => ({ name, backend: 'cpu', status: 'failed', durationMs: 1, failure });
const hint = (partId: string) => ({ partId, level: 1, text: `think about ${partId}`, command: `npm run hint -- exercise-07 ${partId}` });
/** The same crash, seen by the tests of two parts: each carries its own part's hint. */
const crash = (partId: string): FailureData => ({
  kind: 'setup',
  summary: 'could not import your module',
  sections: [{ label: 'where', body: 'SyntaxError at line 3' }],
  hint: hint(partId),
});
const stub = (partId: string): FailureData => ({ kind: 'stub', summary: 'outputSize is not implemented yet', sections: [], hint: hint(partId) });
const passed: TestResult = { name: 'ok', backend: 'cpu', status: 'passed', durationMs: 1 };

function part(id: string, title: string, tests: TestResult[]): PartResult {
  const status = tests.some((t) => t.status === 'failed') ? 'failed' : 'passed';
  return { id, title, score: 0, maxScore: 1, bonus: false, status, backends: [{ backend: 'cpu', status }], tests };
}

function exercise(parts: PartResult[]): ExerciseResult {
  return { id: 'exercise-07', title: 'Seven', score: 0, maxScore: parts.length, parts };
}

function run(ex: ExerciseResult): RunResult {
  return runResult([ex]);
}

describe('testText', () => {
  it('renders a failure from its data: summary, sections, then the hint with the command for more', () => {
    expect(testText(failedWith(crash('A')))).toBe(
      'could not import your module\nwhere: SyntaxError at line 3\nHint (part A): think about A\n  (more: npm run hint -- exercise-07 A)',
    );
    expect(testText(failedWith(crash('A')), { withHint: false })).toBe('could not import your module\nwhere: SyntaxError at line 3');
  });

  it('shows the text of a failure that has no data, and says when there is none', () => {
    expect(testText(failed('Error: boom'))).toBe('Error: boom');
    expect(testText({ name: 'x', backend: 'cpu', status: 'failed', durationMs: 1 })).toBe('(no message)');
  });
});

describe('sharedFailure', () => {
  it('stays silent when the failures of one single part share a first line, and that part keeps its name', () => {
    const ex = exercise([part('A', 'Output size', [failed('wrong size\nfirst'), failed('wrong size\nsecond')]), part('B', 'Correlation', [passed])]);
    expect(sharedFailure(ex)).toBeUndefined();
    const text = formatFailures(run(ex));
    expect(text).not.toMatch(/same way/);
    expect(text).toMatch(/Part A · Output size/);
    expect(text).toMatch(/second/);
  });

  it('says it once, naming every failed part, when several parts failed the same way', () => {
    const ex = exercise([
      part('A', 'Output size', [failedWith(crash('A'))]),
      part('B', 'Correlation', [failedWith(crash('B')), failedWith(crash('B'))]),
      part('C', 'Convolution', [passed]),
    ]);
    const same = sharedFailure(ex);
    expect(same?.heading).toBe('2 parts failed the same way (Part A · Output size, Part B · Correlation)');
    expect(same?.message).toBe('could not import your module\nwhere: SyntaxError at line 3');
    const text = formatFailures(run(ex));
    expect(text.match(/SyntaxError/g)).toHaveLength(1);
    expect(text).not.toMatch(/Convolution/);
  });

  it("says 'every part' only when every part failed", () => {
    const ex = exercise([part('A', 'Output size', [failedWith(crash('A'))]), part('B', 'Correlation', [failedWith(crash('B'))])]);
    expect(sharedFailure(ex)?.heading).toMatch(/^every part failed the same way \(Part A · Output size, Part B · Correlation\)$/);
  });

  it('prints each part when their failures differ, in kind or text, or when they are stubs', () => {
    expect(sharedFailure(exercise([part('A', 'a', [failed('one')]), part('B', 'b', [failed('two')])]))).toBeUndefined();
    expect(sharedFailure(exercise([part('A', 'a', [failed('same')]), part('B', 'b', [failed('same')])]))?.message).toBe('same');
    const hung: FailureData = { ...crash('B'), kind: 'hung' };
    expect(sharedFailure(exercise([part('A', 'a', [failedWith(crash('A'))]), part('B', 'b', [failedWith(hung)])]))).toBeUndefined();
    expect(sharedFailure(exercise([part('A', 'a', [failedWith(stub('A'))]), part('B', 'b', [failedWith(stub('B'))])]))).toBeUndefined();
  });

  it('prints a part whose tests are all stubs once, with the first test’s failure, whatever its text', () => {
    const ex = exercise([part('A', 'Output size', [failedWith(stub('A'), 'one'), failedWith({ ...stub('A'), summary: 'other words' }, 'two')])]);
    const text = plain(formatFailures(run(ex)));
    expect(text).toBe(
      '✗ exercise-07 · Part A · Output size [cpu]\n    outputSize is not implemented yet\n    Hint (part A): think about A\n      (more: npm run hint -- exercise-07 A)',
    );
  });
});

describe('formatFailures, tests taken out of the score', () => {
  it('prints a test skipped with a reason (a known backend bug), and stays silent on plain skips', () => {
    const note = "not counted on webgpu: your filterGrid ran tf.addN (kernel AddN), and on this device webgpu's tf.addN of 64 or 65 tensors is wrong";
    const skipped: TestResult = { name: 'agrees on 64 filters', backend: 'webgpu', status: 'skipped', durationMs: 1, message: note };
    const plain: TestResult = { name: 'filtered out', backend: 'webgpu', status: 'skipped', durationMs: 1 };
    const text = formatFailures(run(exercise([part('B', 'filterGrid', [passed, skipped, plain])])));
    expect(text).toContain('Part B · filterGrid › agrees on 64 filters');
    expect(text).toContain(note);
    expect(text).not.toContain('filtered out');
  });
});

describe('formatScoreTable', () => {
  const scored = (id: string, score: number, maxScore: number, extra: Partial<PartResult> = {}): PartResult => {
    const status = score === maxScore ? 'passed' : 'failed';
    return { ...part(id, `title ${id}`, []), score, maxScore, status, backends: [{ backend: 'cpu', status }], ...extra };
  };

  it('prints one row per part with its points, and the total with the bonus apart', () => {
    const ex: ExerciseResult = {
      ...exercise([scored('A', 2, 2), scored('B', 0.67, 2), scored('X', 1, 1, { bonus: true })]),
      score: 3.67,
      maxScore: 4,
    };
    const lines = plain(formatScoreTable(run(ex))).split('\n');
    expect(lines[0]).toBe('exercise-07 · Seven');
    expect(lines[2]).toMatch(/^ {2}A {3}title A +✓ {4}2\/2$/);
    expect(lines[3]).toMatch(/^ {2}B {3}title B +✗ {4}0\.67\/2$/);
    expect(lines[4]).toMatch(/^ {2}X {3}title X +✓ {4}1\/1 bonus$/);
    expect(lines[5]).toMatch(/^ {2}total +2\.67\/4 \(\+1 bonus\)$/);
    expect(lines).toHaveLength(6);
  });

  it('adds a course total for several exercises and warns about a filtered run', () => {
    const one = { ...exercise([scored('A', 1, 1)]), score: 1, maxScore: 1 };
    const two = { ...one, id: 'exercise-08', score: 0.5, maxScore: 2 };
    const text = plain(formatScoreTable({ ...run(one), exercises: [one, two], filtered: true }));
    expect(text).toContain('course total: 1.50/3');
    expect(text.split('\n').at(-1)).toMatch(/^\(filtered run: .*not your full score\)$/);
    expect(plain(formatScoreTable(run(one)))).not.toMatch(/course total|filtered/);
  });
});

describe('formatCounts', () => {
  const counted = (passed: number, failed: number, skipped: number): RunResult => ({ ...run(exercise([])), counts: { passed, failed, skipped } });

  it("says 'N passed, N failed', and the skipped only when there are some", () => {
    expect(formatCounts(counted(3, 1, 0))).toBe('3 passed, 1 failed');
    expect(formatCounts(counted(0, 0, 2))).toBe('0 passed, 0 failed, 2 skipped');
  });
});
