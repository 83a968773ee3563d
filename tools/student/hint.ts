/**
 * `npm run hint -- exercise-02 C`: the next hint for a part. Hints come in levels (course.json
 * `parts[].hints`: a nudge first, more detail on each further request); each request shows one
 * more, the level reached is remembered in `.grade/hints.json`, and the last level says so.
 *
 *   npm run hint -- exercise-02 C           # the next hint for part C
 *   npm run hint -- exercise-02             # for the first part you have not passed (last grading)
 *   npm run hint -- exercise-02 C --reset   # start part C's hints over
 */
import pc from 'picocolors';
import type { Exercise, Part } from '../../graders/support/course.ts';
import { readStoreEntry } from '../../graders/support/results/store.ts';
import { CliError, courseOrFail, exerciseOrFail, parseCli, runCli, targetOrFail } from '../lib/cli.ts';
import { levelOf, readHintLevels, setLevel, writeHintLevels } from '../lib/hint-levels.ts';

const usage = 'npm run hint -- <exercise> [part] [--reset]';

/** Wraps a paragraph to the terminal's width (at most 100), continuation lines under `indent`. */
function wrap(text: string, first: string, indent: string): string {
  const width = Math.min(process.stdout.columns ?? 100, 100);
  const lines: string[] = [];
  let line = first;
  let empty = true;
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (!empty && line.length + 1 + word.length > width) {
      lines.push(line);
      line = indent;
      empty = true;
    }
    line += (empty ? '' : ' ') + word;
    empty = false;
  }
  lines.push(line);
  return lines.join('\n');
}

/** The part a student typed (`c` is `C`), or the first part their last grading did not pass. */
function partOrFail(exercise: Exercise, key: string | undefined, target: string): Part {
  const ids = exercise.parts.map((p) => p.id).join(', ');
  if (key !== undefined) {
    const part = exercise.parts.find((p) => p.id.toLowerCase() === key.toLowerCase());
    if (part === undefined) throw new CliError(`${exercise.id} has no part '${key}': expected one of ${ids} — usage: ${usage}`, 2);
    return part;
  }
  // The last complete grading (npm test, start or watch): a filtered run says nothing about the other parts.
  const graded = readStoreEntry(exercise.id, target).entry?.complete;
  if (graded === undefined)
    throw new CliError(`expected a part of ${exercise.id} (one of ${ids}), e.g. npm run hint -- ${exercise.id} ${exercise.parts[0].id}`, 2);
  const results = graded.result.exercises[0].parts;
  const open = (bonus: boolean) => exercise.parts.find((p) => (p.bonus === true) === bonus && results.find((r) => r.id === p.id)?.status !== 'passed');
  const part = open(false) ?? open(true);
  if (part === undefined)
    throw new CliError(
      `every part of ${exercise.id} passed in your last grading; for a part's hints anyway: npm run hint -- ${exercise.id} <part> (one of ${ids})`,
      2,
    );
  return part;
}

await runCli('hint', async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), { reset: { type: 'boolean' } }, usage);
  if (positionals.length > 2) throw new CliError(`expected an exercise and a part, got ${positionals.length} arguments — usage: ${usage}`, 2);
  const course = courseOrFail();
  const exercise = exerciseOrFail(positionals[0], course, usage);
  const part = partOrFail(exercise, positionals[1], targetOrFail());
  const { levels, note } = readHintLevels();
  if (note !== undefined) process.stderr.write(`${pc.yellow(`note: ${note}`)}\n`);
  const again = `npm run hint -- ${exercise.id} ${part.id}`;

  if (values.reset) {
    setLevel(levels, exercise.id, part.id, 0);
    writeHintLevels(levels);
    process.stdout.write(`Forgot the hints you saw for ${exercise.id} part ${part.id}; \`${again}\` starts again with the first.\n`);
    return 0;
  }

  const seen = levelOf(levels, exercise.id, part.id);
  const total = part.hints.length;
  const level = Math.min(seen + 1, total);
  setLevel(levels, exercise.id, part.id, level);
  writeHintLevels(levels);

  const title = `${exercise.id} · Part ${part.id} · ${part.title}`;
  const lines = [pc.bold(`${title} — hint ${level} of ${total}`), ''];
  part.hints.slice(0, level).forEach((hint, i) => {
    const text = wrap(hint, `  ${i + 1}. `, '     ');
    lines.push(i === level - 1 && seen < total ? pc.bold(text) : pc.dim(text));
  });
  lines.push('');
  if (level < total) lines.push(`More detail: ${again}`);
  else {
    lines.push(seen >= total ? `You have seen all ${total} hints for part ${part.id}.` : `That was the last hint for part ${part.id}.`);
    lines.push(pc.dim(`Still stuck? Work through the example in exercises/${exercise.folder}/README.md by hand. \`${again} --reset\` starts the hints over.`));
  }
  process.stdout.write(`${lines.join('\n')}\n`);
  return 0;
});
