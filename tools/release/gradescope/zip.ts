/**
 * `npm run release -- --gradescope <zip>`: Gradescope's autograder zip. It holds the course as
 * in git (tracked and not ignored files: graders, harness, datasets, tools, and solutions/ — the answers
 * stay with the autograder, students never see its source), without the mutants and hostile
 * submissions, plus `setup.sh`, `run_autograder` and `gradescope.json` (exercises, backends,
 * the instructors' seed). Zipped with the system's `zip` (Debian/Ubuntu package `zip`, macOS).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Course } from '../../../graders/support/course.ts';
import { configFile, type GradescopeConfig } from './config.ts';
import { runAutograderScript, setupScript } from './scripts.ts';

export interface GradescopeOptions {
  /** Exercises graded (one assignment each is usual); all when empty. */
  exercises: string[];
  backends: string[];
  /** The instructors' seed; a fresh random one when undefined. */
  seed?: string;
  timeoutMinutes?: number;
}

/** Left out of the autograder: edits of the solutions that only the maintainers' checks use. */
function leftOut(file: string): boolean {
  return /^graders\/(mutants|hostile)\//.test(file);
}

/**
 * Writes the autograder zip for the repository at `root`; returns the config it holds.
 *
 * @example writeGradescopeZip(repoRoot, course, '/tmp/cnn-autograder.zip', { exercises: ['exercise-05'], backends: ['cpu'] }).seed → '9f…'
 */
export function writeGradescopeZip(root: string, course: Course, zipFile: string, options: GradescopeOptions): GradescopeConfig {
  const unknown = options.exercises.filter((id) => !course.exercises.some((e) => e.id === id));
  if (unknown.length > 0)
    throw new Error(`release --gradescope: unknown exercise ${unknown.join(', ')}; expected one of ${course.exercises.map((e) => e.id).join(', ')}.`);
  if (!zipFile.endsWith('.zip')) throw new Error(`release --gradescope: expected a file name ending in .zip, got '${zipFile}'.`);
  const config: GradescopeConfig = {
    exercises: options.exercises,
    backends: options.backends,
    seed: options.seed ?? randomBytes(16).toString('hex'),
    timeoutMinutes: options.timeoutMinutes ?? 20,
  };
  const stage = mkdtempSync(path.join(tmpdir(), 'gradescope-zip-'));
  try {
    const files = execFileSync('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], { cwd: root, encoding: 'utf8' })
      .split('\0')
      .filter((f) => f !== '' && !leftOut(f) && existsSync(path.join(root, f)));
    for (const file of files) {
      mkdirSync(path.dirname(path.join(stage, file)), { recursive: true });
      copyFileSync(path.join(root, file), path.join(stage, file));
    }
    writeFileSync(path.join(stage, 'setup.sh'), setupScript());
    writeFileSync(path.join(stage, 'run_autograder'), runAutograderScript());
    chmodSync(path.join(stage, 'setup.sh'), 0o755);
    chmodSync(path.join(stage, 'run_autograder'), 0o755);
    writeFileSync(path.join(stage, configFile), `${JSON.stringify(config, null, 2)}\n`);
    const out = path.resolve(zipFile);
    mkdirSync(path.dirname(out), { recursive: true });
    rmSync(out, { force: true });
    const zip = spawnSync('zip', ['-q', '-r', '-X', out, '.'], { cwd: stage, encoding: 'utf8' });
    if (zip.error !== undefined || zip.status !== 0)
      throw new Error(`release --gradescope: 'zip' failed (${zip.error?.message ?? zip.stderr.trim()}); install it (apt install zip).`);
    return config;
  } finally {
    rmSync(stage, { recursive: true, force: true });
  }
}
