/**
 * What the student's commands share: argument parsing, and turning bad input into one clear line
 * on stderr (what was expected, what to run) with a non-zero exit instead of a stack trace.
 */
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { findExercise, loadCourse, type Course, type Exercise } from '../../graders/support/course.ts';
import { targetDir } from '../../graders/support/paths.ts';

/** A problem the user can fix; printed as `<command>: <message>`. Exit 2 for usage, 1 otherwise. */
export class CliError extends Error {
  override name = 'CliError';
  constructor(
    message: string,
    readonly exitCode = 1,
  ) {
    super(message);
  }
}

/** Parses argv strictly: an unknown option is a usage error naming the usage. */
export function parseCli<T extends NonNullable<ParseArgsConfig['options']>>(argv: string[], options: T, usage: string) {
  try {
    return parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // Node's message goes on to explain '--'; its first sentence names the problem.
    const first = (error as Error).message.split('\n')[0].split(/(?<=\.) /)[0];
    throw new CliError(`${first} — usage: ${usage}`, 2);
  }
}

/** The course manifest, or a CliError naming the problem in course.json. */
export function courseOrFail(): Course {
  try {
    return loadCourse();
  } catch (error) {
    throw new CliError((error as Error).message);
  }
}

/** The exercise a student typed (`exercise-02`, `02`, `2` or its folder), or a CliError listing the ids. */
export function exerciseOrFail(key: string | undefined, course: Course, usage: string): Exercise {
  if (key === undefined) throw new CliError(`expected an exercise id (one of ${course.exercises.map((e) => e.id).join(', ')}) — usage: ${usage}`, 2);
  try {
    return findExercise(key, course);
  } catch (error) {
    throw new CliError(`${(error as Error).message.replace(/\.$/, '')} — run \`npm start\` to see the course.`, 2);
  }
}

/** The graded folder (GRADE_TARGET, default exercises/), or a CliError. */
export function targetOrFail(): string {
  try {
    return targetDir();
  } catch (error) {
    throw new CliError((error as Error).message, 2);
  }
}

/** Runs a command's main function; a CliError becomes one line on stderr and the exit code. */
export async function runCli(command: string, main: () => Promise<number | void>): Promise<void> {
  try {
    process.exitCode = (await main()) ?? 0;
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${command}: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    throw error;
  }
}
