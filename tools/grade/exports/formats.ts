/**
 * The export formats of `npm run grade -- --format <name>`: each is a view of one RunResult,
 * checked against its documented field list before it is written.
 */
import type { Course } from '../../../graders/support/course.ts';
import type { RunResult } from '../../../graders/support/results/model.ts';
import { checkClassroom50, checkGithub, checkGradescope } from './fields.ts';
import { classroom50Identity, toClassroom50 } from './classroom50.ts';
import { toGithubRunner } from './github.ts';
import { toGradescope } from './gradescope.ts';

export interface ExportFormat {
  /** The file name the platform expects. */
  file: string;
  build(run: RunResult | undefined, course: Course, ids: string[], env: NodeJS.ProcessEnv, now: Date): unknown;
  /** Problems of an export made for `ids` in `env` (the platform's rules); empty when valid. */
  check(value: unknown, env: NodeJS.ProcessEnv, ids: string[]): string[];
}

export const formats = {
  github: { file: 'autograding-result.json', build: (run, course, ids, env) => toGithubRunner(run, course, ids, env), check: checkGithub },
  gradescope: { file: 'results.json', build: (run, course, ids, env) => toGradescope(run, course, ids, env), check: checkGradescope },
  classroom50: { file: 'result.json', build: toClassroom50, check: (value, env, ids) => checkClassroom50(value, classroom50Identity(env, ids)) },
} satisfies Record<string, ExportFormat>;

export type FormatName = keyof typeof formats;

/** The format called `name`, or an Error listing the known ones. */
export function findFormat(name: string): ExportFormat {
  if (!(name in formats)) throw new Error(`--format: expected one of ${Object.keys(formats).join(', ')}, got '${name}'.`);
  return formats[name as FormatName];
}

/**
 * Builds and checks an export; throws naming the broken fields (a bug in the exporter, never the
 * student's fault).
 *
 * @example exportRun('gradescope', run, course) → { score: 13, tests: [...], … }
 */
export function exportRun(
  name: string,
  run: RunResult | undefined,
  course: Course,
  ids: string[] = [],
  env: NodeJS.ProcessEnv = process.env,
  now: Date = new Date(),
): unknown {
  const format = findFormat(name);
  // Only a complete run is a grade; readers refuse filtered ones before this, and this is the last guard.
  if (run?.filtered === true) throw new Error(`the ${name} export needs a complete run, got a filtered run (a replay, a -t filter or a backend subset).`);
  const value = format.build(run, course, ids, env, now);
  const problems = format.check(value, env, ids);
  if (problems.length > 0) throw new Error(`the ${name} export breaks its platform's rules: ${problems.slice(0, 5).join('; ')}`);
  return value;
}
