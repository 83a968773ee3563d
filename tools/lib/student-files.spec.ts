import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import type { Exercise } from '../../graders/support/course.ts';
import { hashStudentFiles, isModuleFile, studentFiles } from './student-files.ts';

const exercise: Exercise = { id: 'exercise-07', folder: 'exercise-07-x', title: 'X', files: ['main.ts'], parts: [] };

describe('student files', () => {
  let dir: string | undefined;
  afterEach(() => dir && rmSync(dir, { recursive: true, force: true }));

  test.each([
    ['main.ts', true],
    ['helpers.mjs', true],
    ['data.json', true],
    ['README.md', false],
    ['.main.ts.swp', false],
    ['main.ts~', false],
    ['main.ts.bak-20260101-120000', false],
    ['.main.ts.123.reset', false],
    ['main.ts.tmp', false],
  ])('isModuleFile(%s) is %s', (name, expected) => {
    expect(isModuleFile(name)).toBe(expected);
  });

  test('the hash follows the modules and ignores READMEs, backups and swap files', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'student-files-'));
    const folder = path.join(dir, exercise.folder);
    mkdirSync(folder);
    writeFileSync(path.join(folder, 'main.ts'), 'export const a = 1;\n');
    const first = hashStudentFiles(studentFiles(exercise, dir));
    writeFileSync(path.join(folder, 'README.md'), 'notes');
    writeFileSync(path.join(folder, 'main.ts.bak-20260101-120000'), 'old');
    writeFileSync(path.join(folder, '.main.ts.swp'), 'swap');
    expect(hashStudentFiles(studentFiles(exercise, dir))).toBe(first);
    writeFileSync(path.join(folder, 'helper.ts'), 'export const b = 2;\n');
    const withHelper = hashStudentFiles(studentFiles(exercise, dir));
    expect(withHelper).not.toBe(first);
    writeFileSync(path.join(folder, 'main.ts'), 'export const a = 2;\n');
    expect(hashStudentFiles(studentFiles(exercise, dir))).not.toBe(withHelper);
  });

  test('a listed file that is gone is reported missing', () => {
    dir = mkdtempSync(path.join(tmpdir(), 'student-files-'));
    expect(studentFiles(exercise, dir).missing).toEqual([path.join(dir, exercise.folder, 'main.ts')]);
  });
});
