/**
 * The workflow's pristine step on a small release in a git repository: a changed grader is put
 * back from the release commit, an `.npmrc`, an extra test and a committed cache are deleted, the
 * students' own files are left alone, and each change is named.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeManifest } from './manifest.ts';
import { makePristine } from './pristine.mjs';

const root = mkdtempSync(path.join(tmpdir(), 'pristine-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function put(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

const git = (...args: string[]): string => execFileSync('git', args, { cwd: root, encoding: 'utf8' });

describe('pristine step', () => {
  put('graders/exercise-01/part-a.test.ts', 'honest grader\n');
  put('package.json', '{}\n');
  put('README.md', '# course\n');
  put('exercises/exercise-01/convolution.ts', 'export const stub = 1;\n');
  writeManifest(root);
  git('init', '-q');
  git('add', '-A');
  git('-c', 'user.name=t', '-c', 'user.email=t@t', 'commit', '-qm', 'release');

  it('finds nothing in an untouched release', () => {
    expect(makePristine(root, undefined)).toEqual([]);
  });

  it('restores a changed grader, deletes additions, keeps the student files, and names each', () => {
    put('graders/exercise-01/part-a.test.ts', 'it.skip everything\n');
    put('.npmrc', 'node-options=--import=./x.mjs\n');
    put('graders/exercise-01/extra.test.ts', 'give points\n');
    put('.grade/build/cache.js', 'peer bundle\n');
    put('exercises/exercise-01/convolution.ts', 'export const mine = 2;\n');
    put('exercises/exercise-01/helper.ts', 'export {};\n');
    const found = makePristine(root, undefined);
    expect(found).toEqual([
      { file: 'graders/exercise-01/part-a.test.ts', action: 'changed: restored from the release' },
      { file: '.grade/build/cache.js', action: 'added: deleted before grading' },
      { file: '.npmrc', action: 'added: deleted before grading' },
      { file: 'graders/exercise-01/extra.test.ts', action: 'added: deleted before grading' },
    ]);
    expect(readFileSync(path.join(root, 'graders/exercise-01/part-a.test.ts'), 'utf8')).toBe('honest grader\n');
    expect(existsSync(path.join(root, '.npmrc'))).toBe(false);
    expect(readFileSync(path.join(root, 'exercises/exercise-01/convolution.ts'), 'utf8')).toBe('export const mine = 2;\n');
    expect(makePristine(root, undefined)).toEqual([]);
  });

  it('names a file it cannot restore (no release commit holds the listed bytes)', () => {
    put('README.md', '# mine\n');
    expect(makePristine(root, 'no-such-commit')).toEqual([{ file: 'README.md', action: 'changed: could not be restored (no release commit holds it)' }]);
    put('README.md', '# course\n');
  });
});
