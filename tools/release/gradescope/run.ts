/**
 * What `run_autograder` runs on Gradescope: stages the submission's exercise files next to a
 * pristine course (the source folder is never written), grades them with the instructors' seed
 * and the solutions held back in the autograder, and writes `results/results.json`.
 *
 *   tsx tools/release/gradescope/run.ts --root /autograder
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { loadCourse } from '../../../graders/support/course.ts';
import { repoRoot } from '../../../graders/support/paths.ts';
import { gradeRun } from '../../lib/grade-run.ts';
import { exportRun } from '../../grade/exports/formats.ts';
import type { GradescopeResults } from '../../grade/exports/gradescope.ts';
import { readConfig } from './config.ts';
import { stageExercise } from './submission.ts';
import { commandLine } from '../../../graders/support/command-line.ts';

const { values } = commandLine('gradescope run', { root: { type: 'string' } }, 'npx tsx tools/release/gradescope/run.ts [--root /autograder]', {
  positionals: false,
});
const root = path.resolve(values.root ?? '/autograder');
const results = path.join(root, 'results', 'results.json');
mkdirSync(path.dirname(results), { recursive: true });

const course = loadCourse();
const config = readConfig(repoRoot);
const exercises = course.exercises.filter((e) => config.exercises.length === 0 || config.exercises.includes(e.id));
const target = mkdtempSync(path.join(tmpdir(), 'gradescope-submission-'));
const notes: string[] = [];
for (const exercise of exercises) {
  const note = stageExercise(exercise, path.join(root, 'submission'), path.join(repoRoot, 'exercises'), target);
  if (note !== undefined) notes.push(note);
}
const ids = exercises.map((e) => e.id);
process.stdout.write(`grading ${ids.join(', ')} on ${config.backends.join(', ')} with the instructors' seed…\n`);
const run = await gradeRun({
  target,
  exercises: ids,
  backends: config.backends,
  cwd: repoRoot,
  env: { GRADE_SEED: config.seed, GRADE_PATH: '', NODE_OPTIONS: '' },
  timeoutMs: config.timeoutMinutes * 60_000,
});
rmSync(target, { recursive: true, force: true });
if (run.result === undefined) process.stdout.write(`the grading wrote no results (exit ${run.exitCode}):\n${run.output.split('\n').slice(-30).join('\n')}\n`);
const value = exportRun('gradescope', run.result, course, ids, {}) as GradescopeResults;
// Students see `output`: the instructors' seed stays in extra_data, which Gradescope only stores.
value.output = [value.output.split(config.seed).join("the instructors' seed"), ...notes].join('\n');
// Paths in messages name the student's own files, not the staging folder.
writeFileSync(results, `${JSON.stringify(value, null, 2).split(`${target}${path.sep}`).join('')}\n`);
process.stdout.write(`${value.output.split('\n')[0]}\n`);
