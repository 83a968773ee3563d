/**
 * The autograding workflow's first step after checkout: makes the student's repository the
 * release again everywhere but the students' own files (`exercises/`), before anything is
 * installed or run. Plain Node, no dependency: it must run before `npm ci`, so that neither a
 * repository `.npmrc` nor a changed tool can act first.
 *
 *   node tools/release/pristine.mjs [--base <commit>]
 *
 * - every file the release manifest lists that is missing or changed is restored from the
 *   release commit (`--base`, default: the repository's first commit, which GitHub Classroom makes
 *   from the release) when that commit holds the listed bytes, and named either way;
 * - every other file outside `exercises/` (an `.npmrc`, an extra `*.test.ts`, a committed cache
 *   under `.grade/`) is deleted from the checkout and named;
 * - the names go to the run's output and, through `$GITHUB_ENV`, to `COURSE_FILES_MODIFIED`, which
 *   every export adds to its `graders_modified`.
 *
 * It always exits 0: grading goes on, and what changed is on record. Limits: it is the release's
 * own copy that runs, so a student who rewrites this file or the workflow can silence it (the
 * manifest then still names them when graded elsewhere); the grade of record is class grading.
 */
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';

const manifestPath = 'graders/release-manifest.json';
// Never part of the release's tree (kept in lockstep with tools/release/manifest.ts).
const untracked = ['.git', 'node_modules'];

/** Every file under `relative`, dot files included, as `/` paths. */
function treeFiles(root, relative = '') {
  return readdirSync(path.join(root, relative))
    .sort()
    .flatMap((name) => {
      const child = relative === '' ? name : `${relative}/${name}`;
      if (relative === '' && untracked.includes(name)) return [];
      return statSync(path.join(root, child)).isDirectory() ? treeFiles(root, child) : [child];
    });
}

const sha256 = (bytes) => createHash('sha256').update(bytes).digest('hex');

/** The bytes of `file` at `commit`, or undefined when git cannot give them. */
function atCommit(root, commit, file) {
  try {
    return execFileSync('git', ['show', `${commit}:${file}`], { cwd: root, maxBuffer: 256 * 1024 * 1024, stdio: ['ignore', 'pipe', 'ignore'] });
  } catch {
    return undefined;
  }
}

function firstCommit(root) {
  try {
    return (
      execFileSync('git', ['rev-list', '--max-parents=0', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] })
        .trim()
        .split('\n')
        .pop() || undefined
    );
  } catch {
    return undefined;
  }
}

/**
 * Restores and cleans the release at `root`; returns what was changed or added outside the
 * students' files, each with what was done about it.
 *
 * @example makePristine('.', undefined) → [{ file: '.npmrc', action: 'added: deleted' }]
 */
export function makePristine(root, base) {
  const found = [];
  let manifest;
  try {
    manifest = JSON.parse(readFileSync(path.join(root, manifestPath), 'utf8')).files;
  } catch (error) {
    return [{ file: manifestPath, action: `unreadable (${error.message}): nothing could be checked` }];
  }
  const commit = base ?? firstCommit(root);
  for (const [file, hash] of Object.entries(manifest)) {
    const absolute = path.join(root, file);
    const now = existsSync(absolute) ? sha256(readFileSync(absolute)) : undefined;
    if (now === hash) continue;
    const original = commit === undefined ? undefined : atCommit(root, commit, file);
    if (original !== undefined && sha256(original) === hash) {
      mkdirSync(path.dirname(absolute), { recursive: true });
      writeFileSync(absolute, original);
      found.push({ file, action: `${now === undefined ? 'missing' : 'changed'}: restored from the release` });
    } else found.push({ file, action: `${now === undefined ? 'missing' : 'changed'}: could not be restored (no release commit holds it)` });
  }
  for (const file of treeFiles(root)) {
    if (file === manifestPath || file.startsWith('exercises/') || file in manifest) continue;
    rmSync(path.join(root, file), { force: true });
    found.push({ file, action: 'added: deleted before grading' });
  }
  return found;
}

const isMain = process.argv[1] !== undefined && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname);
if (isMain) {
  // Plain node:util parseArgs: this runs before `npm ci`, so it cannot share graders/support/command-line.ts.
  const usage = 'node tools/release/pristine.mjs [--base <git revision>]';
  let values;
  try {
    ({ values } = parseArgs({ options: { base: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (error) {
    process.stderr.write(`pristine: ${error.message.split('. ')[0]}; accepted: --base, --help (-h) — usage: ${usage}\n`);
    process.exit(2);
  }
  if (values.help) {
    process.stdout.write(`usage: ${usage}\n`);
    process.exit(0);
  }
  const found = makePristine(process.cwd(), values.base);
  if (found.length === 0) process.stdout.write("pristine: every file outside exercises/ is the release's.\n");
  for (const { file, action } of found) process.stdout.write(`::warning title=not the release's file::${file} ${action}\n`);
  if (process.env.GITHUB_ENV && found.length > 0) appendFileSync(process.env.GITHUB_ENV, `COURSE_FILES_MODIFIED=${found.map((f) => f.file).join(',')}\n`);
}
