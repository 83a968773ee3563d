/**
 * `npm run reset -- exercise-02`: puts the exercise's stub files back byte for byte, keeping your
 * version beside each as `<file>.bak-<date>-<time>` (named on screen; not graded, not compiled).
 * Asks first on a terminal; without one it needs `--yes`. Pristine stubs: tools/lib/stubs.ts.
 *
 *   npm run reset -- exercise-02          # asks before replacing anything
 *   npm run reset -- exercise-02 --yes    # no question (scripts, no terminal)
 */
import { copyFileSync, existsSync, readFileSync, renameSync } from 'node:fs';
import path from 'node:path';
import pc from 'picocolors';
import { shortPath } from '../../graders/support/paths.ts';
import { CliError, courseOrFail, exerciseOrFail, parseCli, runCli, targetOrFail } from '../lib/cli.ts';
import { canAsk, confirm } from '../lib/confirm.ts';
import { findPristine } from '../lib/stubs.ts';

const usage = 'npm run reset -- <exercise> [--yes]';

/** `<file>.bak-YYYYMMDD-HHMMSS` in local time, with `-2`, `-3`… if that name is taken. */
function backupName(file: string, now = new Date()): string {
  const two = (n: number) => String(n).padStart(2, '0');
  const stamp = `${now.getFullYear()}${two(now.getMonth() + 1)}${two(now.getDate())}-${two(now.getHours())}${two(now.getMinutes())}${two(now.getSeconds())}`;
  let name = `${file}.bak-${stamp}`;
  for (let n = 2; existsSync(name); n++) name = `${file}.bak-${stamp}-${n}`;
  return name;
}

/** Replaces `file` with `pristine` in one rename, so a watcher never sees half a file. */
function restore(pristine: string, file: string): void {
  const temporary = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.reset`);
  copyFileSync(pristine, temporary);
  renameSync(temporary, file);
}

await runCli('reset', async () => {
  const { values, positionals } = parseCli(process.argv.slice(2), { yes: { type: 'boolean', short: 'y' }, help: { type: 'boolean' } }, usage);
  if (values.help) {
    process.stdout.write(`usage: ${usage}\n`);
    return 0;
  }
  if (positionals.length > 1) throw new CliError(`expected one exercise, got ${positionals.length} arguments — usage: ${usage}`, 2);
  const exercise = exerciseOrFail(positionals[0], courseOrFail(), usage);
  const target = targetOrFail();

  const changes: { file: string; pristine: string; exists: boolean }[] = [];
  for (const name of exercise.files) {
    let pristine: string;
    try {
      pristine = findPristine(exercise, name, target).file;
    } catch (error) {
      throw new CliError((error as Error).message);
    }
    const file = path.join(target, exercise.folder, name);
    const exists = existsSync(file);
    if (!exists || !readFileSync(file).equals(readFileSync(pristine))) changes.push({ file, pristine, exists });
  }
  if (changes.length === 0) {
    process.stdout.write(`${exercise.id} is already the stub: nothing to reset.\n`);
    return 0;
  }

  const list = changes.map((c) => shortPath(c.file)).join(', ');
  if (!values.yes) {
    if (!canAsk()) {
      throw new CliError(
        `this replaces ${list} with the stub (keeping your version as a backup); without a terminal to ask, confirm with --yes: npm run reset -- ${exercise.id} --yes`,
        2,
      );
    }
    if (!(await confirm(`Put the stub back in ${list}? Your version is kept as a backup.`))) {
      process.stdout.write('Nothing changed.\n');
      return 1;
    }
  }

  for (const change of changes) {
    if (!change.exists) {
      restore(change.pristine, change.file);
      process.stdout.write(`Restored ${shortPath(change.file)} (it was missing).\n`);
      continue;
    }
    const backup = backupName(change.file);
    copyFileSync(change.file, backup);
    restore(change.pristine, change.file);
    process.stdout.write(`Reset ${shortPath(change.file)} to the stub. ${pc.bold(`Your version: ${shortPath(backup)}`)}\n`);
  }
  process.stdout.write(`${pc.dim(`Grade it: npm run watch -- ${exercise.id}`)}\n`);
  return 0;
});
