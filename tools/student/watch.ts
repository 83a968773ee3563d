/**
 * `npm run watch -- exercise-02`: re-grades the exercise on every save of your files and shows the
 * score table and the first failing part (counterexample, hint). Grading is `npm test`'s (stored,
 * so a result is shown at once when nothing changed), kept warm (tools/lib/warm-grader.ts: the
 * next grading's worker and sandboxed student process are started ahead of time), and the part
 * you are working on — the first failing one — is graded first, its verdict shown at once, then
 * the rest. Saves during a grading queue one more; a file that does not compile shows the
 * compiler's file:line:column until the next save fixes it. Ctrl-C (or SIGTERM) stops, killing a
 * grading in progress.
 *
 *   npm run watch -- exercise-02
 *   npm run watch                 # the first exercise your last gradings did not finish
 *   npm run watch -- exercise-02 --cold   # a fresh `vitest run` per save (for comparison)
 */
import pc from 'picocolors';
import type { Course, Exercise } from '../../graders/support/course.ts';
import { shortPath } from '../../graders/support/paths.ts';
import { readStoreEntry } from '../../graders/support/results/store.ts';
import { gradeExercises, GradingStopped, type ExerciseState } from '../lib/cached-grading.ts';
import { CliError, courseOrFail, exerciseOrFail, parseCli, runCli, targetOrFail } from '../lib/cli.ts';
import { SerialRunner } from '../lib/serial-runner.ts';
import { exerciseDir, isModuleFile } from '../lib/student-files.ts';
import { watchFolder } from '../lib/watch-folder.ts';
import { startWarmGrader, type WarmGrader } from '../lib/warm-grader.ts';
import { FocusFirst } from './focus-first.ts';
import { firstFailingPart, renderWatch } from './render-watch.ts';

const usage = 'npm run watch -- <exercise> [--cold]';

/** Without an id: the first exercise whose last grading left a required part failing. */
function defaultExercise(course: Course, target: string): Exercise {
  for (const exercise of course.exercises) {
    const parts = readStoreEntry(exercise.id, target).entry?.complete?.result.exercises[0].parts;
    if (parts === undefined || parts.some((p) => !p.bonus && p.status !== 'passed')) return exercise;
  }
  return course.exercises[0];
}

await runCli('watch', async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), { help: { type: 'boolean' }, cold: { type: 'boolean' } }, usage);
  if (values.help) {
    process.stdout.write(`usage: ${usage}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new CliError(`expected one exercise, got ${positionals.length} arguments — usage: ${usage}`, 2);
  const course = courseOrFail();
  const target = targetOrFail();
  const exercise = positionals.length === 1 ? exerciseOrFail(positionals[0], course, usage) : defaultExercise(course, target);
  const dir = exerciseDir(exercise, target);
  const tty = process.stdout.isTTY === true;
  const footer = (state: ExerciseState): string => {
    const part = state.entry === undefined ? undefined : firstFailingPart(state.entry.result);
    const hint = part === undefined ? '' : ` · a hint: npm run hint -- ${exercise.id} ${part.id}`;
    return pc.dim(`Watching ${shortPath(dir)}/ — save a file to re-grade${hint} · Ctrl-C to stop`);
  };

  // One vitest kept alive, with the next grading's worker and student process already started.
  // --cold: a fresh `vitest run` per save, as before the warm loop (the benchmark's comparison).
  let warm: WarmGrader | undefined;
  try {
    if (!values.cold) warm = await startWarmGrader({ target, exercise: exercise.id });
  } catch (error) {
    process.stderr.write(`watch: grading each save from scratch (the warm grader did not start: ${error instanceof Error ? error.message : String(error)})\n`);
  }
  // The focused part's verdict is a screen of its own (no footer: the complete screen follows).
  const print = (text: string): void => void process.stdout.write(tty ? `\x1b[2J\x1b[H${text}\n` : `${'─'.repeat(72)}\n${text}\n`);
  const focus = warm === undefined ? undefined : new FocusFirst(warm, print);

  let primed = false;
  let controller: AbortController | undefined;
  let shown: string | undefined;
  let stopping = false;
  const gradeAndShow = async (): Promise<void> => {
    if (stopping) return;
    controller = new AbortController();
    const started = Date.now();
    let states: ExerciseState[];
    try {
      states = await gradeExercises([exercise], {
        target,
        signal: controller.signal,
        onGrading: (why) => process.stdout.write(`${pc.dim(`grading ${exercise.id} (${why.get(exercise.id)}) …`)}\n`),
        gradeRun: focus?.gradeRun,
      });
    } catch (error) {
      if (error instanceof GradingStopped) return;
      throw error;
    }
    const [state] = states;
    focus?.remember(state.entry?.result);
    // Nothing graded yet (a current stored result): start the workers the first save will use.
    if (state.graded) primed = true;
    else if (!primed) {
      primed = true;
      void warm?.prime().catch(() => undefined);
    }
    // The cached result already on screen (a save that changed nothing, a touch): nothing new.
    const cached = state.entry !== undefined && !state.graded;
    if (cached && state.entry!.gradedAt === shown && state.notes.length === 0) return;
    shown = state.entry?.gradedAt;
    const screen = `${renderWatch(state, course, state.graded ? Date.now() - started : undefined)}\n\n${footer(state)}\n`;
    process.stdout.write(tty ? `\x1b[2J\x1b[H${screen}` : `${'─'.repeat(72)}\n${screen}`);
  };
  const runner = new SerialRunner(gradeAndShow, (error) => process.stderr.write(`watch: ${error instanceof Error ? error.stack : String(error)}\n`));

  process.stdout.write(`${pc.bold(`Watching ${exercise.id} · ${exercise.title} (${shortPath(dir)}/)`)}\n`);
  // An editor's save is a burst of events within a few milliseconds (write, or write + rename); 20 ms of quiet ends it.
  const stopWatching = watchFolder(dir, { accept: isModuleFile, debounceMs: 20, onChange: () => runner.request() });
  runner.request();

  await new Promise<void>((resolve) => {
    const stop = (): void => {
      if (stopping) return;
      stopping = true;
      stopWatching();
      controller?.abort();
      void runner
        .idle()
        .then(() => warm?.close())
        .then(() => {
          process.stdout.write('\nStopped watching.\n');
          resolve();
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
  return 0;
});
