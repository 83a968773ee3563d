import { readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { parseCourse } from '../../graders/support/course.ts';
import { miniPart, miniRepo } from '../../graders/support/inputs/mini-repo.ts';
import { writeManifest } from './manifest.ts';

/** A release in miniature: one exercise whose driver imports a datasets kernel and reads a key. */
function release(): string {
  const exercise = { id: 'exercise-01', folder: 'exercise-01-x', files: ['x.ts'], gradingData: ['graders/exercise-01-x/key.json'], parts: [miniPart] };
  return miniRepo({
    'course.json': JSON.stringify({ title: 't', gradingData: ['course.json'], exercises: [exercise] }),
    'graders/exercise-01-x/x.test.ts': "import '../support/check.ts';\n",
    'graders/exercise-01-x/key.json': '{}',
    'graders/exercise-01-x/driver.ts': "export { kernel } from '../../datasets/kernels/kernel.ts';\n",
    'graders/support/check.ts': 'export {};\n',
    'graders/sealed/exercise-01.json.gz': 'sealed',
    'datasets/kernels/kernel.ts': 'export const kernel = 1;\n',
    'tools/student/start.ts': 'export {};\n',
    'exercises/exercise-01-x/x.ts': 'export const x = 1;\n',
  });
}

describe('the release manifest records each exercise’s grading inputs', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  test('the driver’s datasets kernel, the declared key and the sealed recording are listed; tools are extras; students’ files are not', () => {
    const root = release();
    roots.push(root);
    const manifest = writeManifest(root, parseCourse(readFileSync(path.join(root, 'course.json'), 'utf8')));
    expect(manifest.grading?.['exercise-01']).toEqual([
      'course.json',
      'datasets/kernels/kernel.ts',
      'graders/exercise-01-x/driver.ts',
      'graders/exercise-01-x/key.json',
      'graders/exercise-01-x/x.test.ts',
      'graders/sealed/exercise-01.json.gz',
      'graders/support/check.ts',
    ]);
    expect(Object.keys(manifest.files)).toContain('tools/student/start.ts');
    expect(Object.keys(manifest.files).filter((file) => file.startsWith('exercises/'))).toEqual([]);
  });

  test('an exercise without a driver, and a release without the reference, are fine', () => {
    const root = release();
    roots.push(root);
    rmSync(path.join(root, 'graders/exercise-01-x/driver.ts'));
    const manifest = writeManifest(root, parseCourse(readFileSync(path.join(root, 'course.json'), 'utf8')));
    expect(manifest.grading?.['exercise-01']).not.toContain('graders/exercise-01-x/driver.ts');
  });

  test('a release missing a grading input is refused, naming the exercise and the file', () => {
    const root = release();
    roots.push(root);
    rmSync(path.join(root, 'graders/exercise-01-x/key.json'));
    expect(() => writeManifest(root, parseCourse(readFileSync(path.join(root, 'course.json'), 'utf8')))).toThrow(
      'release: exercise-01 is graded by graders/exercise-01-x/key.json, which the release does not hold.',
    );
  });
});
