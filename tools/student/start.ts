/**
 * `npm start`: the course at a glance — each exercise of course.json in order, its parts, points
 * earned / available, the course total and what to do next.
 *
 * It grades only what changed since the cached result (your files, the graders, the backends or
 * the seed), all in one `vitest run` — the run `npm test` makes, read from its RunResult file —
 * so a second `npm start` with nothing changed grades nothing.
 *
 *   npm start                   # the overview
 *   npm start -- --json         # the same as JSON (tools/student/progress.ts: CourseProgress)
 *   npm start -- --regrade      # ignore the cache and grade everything again
 */
import { shortPath } from '../../graders/support/paths.ts';
import { type ExerciseState, GradingStopped, gradeExercises } from '../lib/cached-grading.ts';
import { backendSet, seedOf } from '../lib/grade-cache.ts';
import { CliError, courseOrFail, parseCli, runCli, targetOrFail } from '../lib/cli.ts';
import { courseProgress } from './progress.ts';
import { byReason, renderProgress } from './render-progress.ts';

const usage = 'npm start [-- --json] [-- --regrade]';

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

await runCli('npm start', async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), { json: { type: 'boolean' }, regrade: { type: 'boolean' } }, usage);
  if (positionals.length > 0) {
    throw new CliError(
      `expected no arguments (npm start shows every exercise), got '${positionals[0]}' — to grade one exercise on every save: npm run watch -- ${positionals[0]}`,
      2,
    );
  }
  const course = courseOrFail();
  const target = targetOrFail();

  // Ctrl-C during a grading stops it (and every process it started) before exiting.
  const controller = new AbortController();
  let grading = false;
  const interrupt = (): void => {
    if (!grading) process.exit(130);
    controller.abort();
  };
  process.on('SIGINT', interrupt);
  process.on('SIGTERM', interrupt);

  let why = new Map<string, string>();
  const started = Date.now();
  let states: ExerciseState[];
  try {
    states = await gradeExercises(course.exercises, {
      target,
      force: values.regrade === true,
      signal: controller.signal,
      onGrading: (reasons) => {
        why = reasons;
        grading = true;
        process.stderr.write(`grading ${byReason(reasons)} …\n`);
      },
    });
  } catch (error) {
    if (error instanceof GradingStopped) {
      process.stderr.write('npm start: grading stopped.\n');
      return 130;
    }
    throw error;
  } finally {
    grading = false;
    process.off('SIGINT', interrupt);
    process.off('SIGTERM', interrupt);
  }

  const meta = { target: shortPath(target), seed: seedOf(), backends: backendSet() };
  const progress = courseProgress(course, states, meta);
  if (values.json) {
    process.stdout.write(`${JSON.stringify(progress, null, 2)}\n`);
  } else {
    const header = `graded ${meta.target}/ · run seed '${meta.seed}' · backends: ${meta.backends}`;
    const cached = progress.exercises.filter((e) => e.gradings > 0 && !progress.graded.includes(e.id)).map((e) => e.id);
    const graded = byReason(new Map(progress.graded.map((id) => [id, why.get(id) ?? ''])));
    const line =
      progress.graded.length === 0
        ? 'nothing re-graded: every result above is from the result store (.grade/results/); `npm start -- --regrade` grades everything again'
        : `graded ${graded} in ${seconds(Date.now() - started)}${cached.length > 0 ? `; from the result store: ${cached.join(', ')}` : ''}`;
    process.stdout.write(`${renderProgress(progress, header, line)}\n`);
  }
  return states.some((s) => s.problem !== undefined) ? 1 : 0;
});
