/**
 * `npm run publish-solutions -- exercise-03 --to <release dir>`: after the deadline, copies that
 * exercise's solution into a student release (see publish-solution.ts). Commit and push the
 * release afterwards; students then see the solution and grade against it live.
 */
import path from 'node:path';
import { findExercise, loadCourse } from '../../graders/support/course.ts';
import { repoRoot } from '../../graders/support/paths.ts';
import { publishSolution } from './publish-solution.ts';
import { commandLine } from '../../graders/support/command-line.ts';

const usage = 'npm run publish-solutions -- <exercise-id>... --to <release dir>';
const { values, positionals } = commandLine('publish-solutions', { to: { type: 'string' } }, usage);

if (positionals.length === 0 || values.to === undefined) {
  process.stderr.write(`publish-solutions: expected an exercise id and --to <release dir>.\nusage: ${usage}\n`);
  process.exit(2);
}
try {
  const course = loadCourse();
  for (const key of positionals) {
    const exercise = findExercise(key, course);
    const written = publishSolution(repoRoot, exercise, values.to);
    process.stdout.write(
      `${exercise.id}: published ${written.length} file(s) to ${path.join(values.to, 'solutions', exercise.folder)}; its graders now use the live solution (any seed).\n`,
    );
  }
  process.stdout.write('Commit and push the release so students get it.\n');
} catch (error) {
  process.stderr.write(`${(error as Error).message}\nusage: ${usage}\n`);
  process.exit(1);
}
