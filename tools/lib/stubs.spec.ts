import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, beforeEach, describe, expect, test } from 'vitest';
import { loadCourse } from '../../graders/support/course.ts';
import { findPristine, writePristineStubs } from './stubs.ts';

const hints = ['a nudge', 'more detail'];
const course = {
  title: 'T',
  exercises: [{ id: 'exercise-01', folder: 'exercise-01-x', title: 'X', files: ['main.ts'], parts: [{ id: 'A', title: 'a', points: 1, hints }] }],
};

describe('pristine stubs', () => {
  let root: string;
  let release: string;
  beforeEach(() => {
    root = mkdtempSync(path.join(tmpdir(), 'stubs-'));
    release = path.join(root, 'release');
    mkdirSync(path.join(root, 'exercises', 'exercise-01-x'), { recursive: true });
    writeFileSync(path.join(root, 'course.json'), JSON.stringify(course));
    writeFileSync(path.join(root, 'exercises', 'exercise-01-x', 'main.ts'), 'export function f(): number {\n  throw new Error("Remove this line");\n}\n');
  });
  afterEach(() => rmSync(root, { recursive: true, force: true }));
  const exercise = () => loadCourse(path.join(root, 'course.json')).exercises[0];

  test('a release ships byte-for-byte copies with a manifest, and reset finds them there', () => {
    expect(writePristineStubs(root, release)).toEqual(['.course/stubs/exercise-01-x/main.ts']);
    const copy = path.join(release, '.course', 'stubs', 'exercise-01-x', 'main.ts');
    expect(readFileSync(copy)).toEqual(readFileSync(path.join(root, 'exercises', 'exercise-01-x', 'main.ts')));
    expect(Object.keys(JSON.parse(readFileSync(path.join(release, '.course', 'stubs', 'manifest.json'), 'utf8')).files)).toEqual(['exercise-01-x/main.ts']);
    expect(findPristine(exercise(), 'main.ts', path.join(release, 'exercises'), release)).toEqual({ file: copy, origin: 'release' });
  });

  test('a changed pristine copy is refused, naming the file', () => {
    writePristineStubs(root, release);
    writeFileSync(path.join(release, '.course', 'stubs', 'exercise-01-x', 'main.ts'), 'changed');
    expect(() => findPristine(exercise(), 'main.ts', path.join(release, 'exercises'), release)).toThrow(
      /main\.ts does not match .*manifest\.json \(it was changed\)/,
    );
  });

  test("in the instructors' repository: exercises/ is the stub for another graded folder, and nothing restores exercises/ itself", () => {
    const other = path.join(root, 'alice');
    expect(findPristine(exercise(), 'main.ts', other, root)).toEqual({ file: path.join(root, 'exercises', 'exercise-01-x', 'main.ts'), origin: 'exercises' });
    expect(() => findPristine(exercise(), 'main.ts', path.join(root, 'exercises'), root)).toThrow(
      /^no pristine copy of exercise-01-x\/main\.ts: this is the instructors' repository .*git checkout -- exercises\/exercise-01-x\/main\.ts\)\.$/,
    );
  });
});
