/**
 * The documented field lists of each export format, as checks: every required field present with
 * its type, no field outside the documented list (bar the ones we add on purpose), and the sums
 * each format relies on. The CLI checks every export before writing it; the spec tests check
 * golden fixtures and live runs against the same lists.
 *
 * Sources: classroom-resources/autograding-command-grader (src/main.js, generateResult) and
 * autograding-grading-reporter (src/notify-classroom.js reads `max_score` and `tests[].score`);
 * https://gradescope-autograders.readthedocs.io/en/latest/specs/ ("Output format");
 * foundation50/classroom50 wiki, "Advanced Autograding" → "The result.json contract".
 */
import { classroom50Refusal, type Classroom50Identity } from './classroom50-rules.ts';

type Kind = 'string' | 'number' | 'integer' | 'boolean' | 'array' | 'object';
type FieldList = Record<string, { kind: Kind; required: boolean; values?: readonly unknown[] }>;

const github = {
  top: {
    version: { kind: 'integer', required: true, values: [1] },
    status: { kind: 'string', required: true, values: ['pass', 'fail', 'error'] },
    max_score: { kind: 'number', required: true },
    tests: { kind: 'array', required: true },
    graders_modified: { kind: 'array', required: false },
  },
  test: {
    name: { kind: 'string', required: true },
    status: { kind: 'string', required: true, values: ['pass', 'fail', 'error'] },
    score: { kind: 'number', required: true },
    message: { kind: 'string', required: true },
    test_code: { kind: 'string', required: true },
    filename: { kind: 'string', required: true },
    line_no: { kind: 'integer', required: true },
    duration: { kind: 'number', required: true },
  },
} satisfies Record<string, FieldList>;

const visibility = ['hidden', 'after_due_date', 'after_published', 'visible'] as const;
const gradescope = {
  top: {
    score: { kind: 'number', required: true },
    execution_time: { kind: 'number', required: false },
    output: { kind: 'string', required: false },
    output_format: { kind: 'string', required: false },
    test_output_format: { kind: 'string', required: false },
    test_name_format: { kind: 'string', required: false },
    visibility: { kind: 'string', required: false, values: visibility },
    stdout_visibility: { kind: 'string', required: false, values: visibility },
    extra_data: { kind: 'object', required: false },
    tests: { kind: 'array', required: false },
    leaderboard: { kind: 'array', required: false },
  },
  test: {
    score: { kind: 'number', required: false },
    max_score: { kind: 'number', required: false },
    status: { kind: 'string', required: false, values: ['passed', 'failed'] },
    name: { kind: 'string', required: false },
    name_format: { kind: 'string', required: false },
    number: { kind: 'string', required: false },
    output: { kind: 'string', required: false },
    output_format: { kind: 'string', required: false },
    tags: { kind: 'array', required: false },
    visibility: { kind: 'string', required: false, values: visibility },
    extra_data: { kind: 'object', required: false },
  },
} satisfies Record<string, FieldList>;

const classroom50 = {
  top: {
    schema: { kind: 'string', required: true, values: ['classroom50/result/v1'] },
    classroom: { kind: 'string', required: true },
    assignment: { kind: 'string', required: true },
    assignment_type: { kind: 'string', required: true, values: ['individual', 'group'] },
    owner: { kind: 'string', required: true },
    submission: { kind: 'string', required: true },
    commit: { kind: 'string', required: true },
    release: { kind: 'string', required: true },
    review: { kind: 'string', required: true },
    datetime: { kind: 'string', required: true },
    graded_at: { kind: 'string', required: false },
    score: { kind: 'integer', required: true },
    'max-score': { kind: 'integer', required: true },
    tests: { kind: 'array', required: true },
    submitted_by: { kind: 'object', required: false },
    // Ours: the integrity report every export carries.
    graders_modified: { kind: 'array', required: false },
  },
  // Extra diagnostic fields on a test are kept verbatim, so only the four documented ones are checked.
  test: {
    'test-name': { kind: 'string', required: true },
    passed: { kind: 'boolean', required: true },
    score: { kind: 'integer', required: true },
    'max-score': { kind: 'integer', required: true },
  },
} satisfies Record<string, FieldList>;

function kindOf(value: unknown): Kind | 'null' | 'undefined' {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (typeof value === 'number') return Number.isInteger(value) ? 'integer' : 'number';
  return typeof value as Kind | 'undefined';
}

function checkFields(where: string, value: unknown, fields: FieldList, closed: boolean): string[] {
  if (kindOf(value) !== 'object') return [`${where}: expected an object, got ${kindOf(value)}`];
  const record = value as Record<string, unknown>;
  const problems: string[] = [];
  for (const [name, field] of Object.entries(fields)) {
    if (!(name in record)) {
      if (field.required) problems.push(`${where}.${name}: missing`);
      continue;
    }
    const kind = kindOf(record[name]);
    const fits = kind === field.kind || (field.kind === 'number' && kind === 'integer');
    if (!fits) problems.push(`${where}.${name}: expected ${field.kind}, got ${kind}`);
    else if (field.values !== undefined && !field.values.includes(record[name]))
      problems.push(`${where}.${name}: expected one of ${field.values.join(', ')}, got ${JSON.stringify(record[name])}`);
  }
  if (closed) for (const name of Object.keys(record)) if (!(name in fields)) problems.push(`${where}.${name}: not a documented field`);
  return problems;
}

function checkTests(value: unknown, test: FieldList, closed: boolean): string[] {
  const tests = (value as { tests?: unknown }).tests;
  if (!Array.isArray(tests)) return [];
  return tests.flatMap((t, i) => checkFields(`tests[${i}]`, t, test, closed));
}

function sum(tests: unknown, field: string): number {
  return Array.isArray(tests) ? tests.reduce((s: number, t) => s + ((t as Record<string, number>)[field] ?? 0), 0) : 0;
}

/** Problems of a GitHub Classroom runner result; empty when it is valid. */
export function checkGithub(value: unknown): string[] {
  return [...checkFields('result', value, github.top, true), ...checkTests(value, github.test, true)];
}

/** Problems of a Gradescope results.json; empty when it is valid. */
export function checkGradescope(value: unknown): string[] {
  const problems = [...checkFields('results', value, gradescope.top, true), ...checkTests(value, gradescope.test, true)];
  const record = value as { score?: number; tests?: unknown };
  if (problems.length === 0 && Array.isArray(record.tests) && Math.abs(sum(record.tests, 'score') - (record.score ?? 0)) > 1e-6) {
    problems.push(`results.score (${record.score}) is not the sum of the tests' scores (${sum(record.tests, 'score')})`);
  }
  return problems;
}

/**
 * Problems of a Classroom 50 result.json; empty when it is valid: its documented fields, a UTC
 * datetime, and Classroom 50's own acceptance rules for the identity the export was made for.
 */
export function checkClassroom50(value: unknown, expected: Classroom50Identity): string[] {
  const problems = [...checkFields('result', value, classroom50.top, true), ...checkTests(value, classroom50.test, false)];
  const record = value as { datetime?: string };
  if (problems.length > 0) return problems;
  if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ$/.test(record.datetime ?? ''))
    problems.push(`result.datetime: expected UTC ISO 8601 such as 2026-06-01T14:32:01Z, got ${JSON.stringify(record.datetime)}`);
  const refusal = classroom50Refusal(value, expected);
  if (refusal !== undefined) problems.push(`Classroom 50 would refuse it: ${refusal}`);
  return problems;
}
