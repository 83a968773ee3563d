/**
 * What the student's commands share: argument parsing, and turning bad input into one clear line
 * on stderr (what was expected, what to run) with a non-zero exit instead of a stack trace.
 */
import { findExercise, loadCourse, type Course, type Exercise } from '../../graders/support/course.ts';
import { targetDir } from '../../graders/support/paths.ts';
import { CliError } from '../../graders/support/command-line.ts';

export { CliError, commandLine, parseCli } from '../../graders/support/command-line.ts';

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
export async function runCli(command: string, main: () => Promise<unknown>): Promise<void> {
  try {
    const code = await main();
    process.exitCode = typeof code === 'number' ? code : 0;
  } catch (error) {
    if (error instanceof CliError) {
      process.stderr.write(`${command}: ${error.message}\n`);
      process.exitCode = error.exitCode;
      return;
    }
    throw error;
  }
}
