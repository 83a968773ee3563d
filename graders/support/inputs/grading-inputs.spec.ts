import { appendFileSync, existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { afterEach, describe, expect, test } from 'vitest';
import { type CacheInputs, currentInputs } from '../../../tools/lib/grade-cache.ts';
import { findExercise, loadCourse, parseCourse } from '../course.ts';
import { repoRoot } from '../paths.ts';
import { bundleCached } from '../sandbox/bundle.ts';
import { gradingInputs } from './grading-inputs.ts';
import { miniPart, miniRepo } from './mini-repo.ts';

/** A repository in miniature: one exercise whose driver imports a datasets kernel. */
function fixture(): string {
  const exercise = { id: 'exercise-01', folder: 'exercise-01-x', files: ['x.ts'], parts: [miniPart] };
  return miniRepo({
    'course.json': JSON.stringify({ title: 't', gradingData: ['course.json'], exercises: [exercise] }),
    'graders/exercise-01-x/x.test.ts': "import { check } from '../support/check.ts';\ncheck();\n",
    'graders/support/check.ts': 'export function check(): void {}\n',
    'graders/exercise-01-x/driver.ts': "import { kernel } from '../../datasets/kernels/kernel.ts';\nexport const ops = { kernel };\n",
    'datasets/kernels/kernel.ts': 'export const kernel = (x: number): number => x + 1;\n',
    'datasets/README.md': 'Not code.\n',
    'datasets/weights.bin': 'not read by this exercise',
    'exercises/exercise-01-x/x.ts': 'export const x = 1;\n',
  });
}

describe('grading inputs', () => {
  const roots: string[] = [];
  afterEach(() => {
    for (const root of roots.splice(0)) rmSync(root, { recursive: true, force: true });
  });

  test("the repository's drivers: exercise 03's datasets kernels and exercise 04's model-io are grading inputs; the fashion-mnist files are not", () => {
    const three = gradingInputs(findExercise('exercise-03'));
    expect(three.code).toEqual(
      expect.arrayContaining(['datasets/kernels/register.ts', 'datasets/kernels/conv2d.ts', 'graders/exercise-03-residual-block/driver.ts']),
    );
    const four = gradingInputs(findExercise('exercise-04'));
    expect(four.code).toContain('datasets/model-io.ts');
    expect(four.data).toEqual(expect.arrayContaining(['datasets/models/bars-cnn/weights.bin', 'course.json', 'graders/sealed/exercise-04.json.gz']));
    for (const exercise of loadCourse().exercises)
      expect(gradingInputs(exercise).files.filter((f) => f.endsWith('.gz') && f.startsWith('datasets/'))).toEqual([]);
  });

  test("every file course.json declares in gradingData exists here (but the release's own manifest, which only a release has)", () => {
    const course = loadCourse();
    const declared = [...(course.gradingData ?? []), ...course.exercises.flatMap((e) => e.gradingData ?? [])];
    expect(declared.length).toBeGreaterThan(0);
    expect(declared.filter((file) => file !== 'graders/release-manifest.json' && !existsSync(path.join(repoRoot, file)))).toEqual([]);
  });

  test('an edit to a datasets file the driver imports rebuilds the driver bundle; an unrelated file does not', () => {
    const root = fixture();
    roots.push(root);
    const build = path.join(root, '.grade', 'build');
    const driver = path.join(root, 'graders/exercise-01-x/driver.ts');
    const first = bundleCached(driver, build, 'driver', root);
    appendFileSync(path.join(root, 'datasets/README.md'), 'An edit.\n');
    writeFileSync(path.join(root, 'datasets/weights.bin'), 'other bytes');
    expect(bundleCached(driver, build, 'driver', root)).toBe(first);
    appendFileSync(path.join(root, 'datasets/kernels/kernel.ts'), 'export const edited = true;\n');
    const second = bundleCached(driver, build, 'driver', root);
    expect(second).not.toBe(first);
    expect(bundleCached(driver, build, 'driver', root)).toBe(second);
  });

  test('the same edit changes the grade cache key (a miss: "the grading files changed"); an unrelated file keeps it', () => {
    const root = fixture();
    roots.push(root);
    const exercise = parseCourse(readFileSync(path.join(root, 'course.json'), 'utf8')).exercises[0];
    const target = path.join(root, 'exercises');
    const key = (): CacheInputs => currentInputs(exercise, target, root, {});
    const first = key();
    appendFileSync(path.join(root, 'datasets/README.md'), 'An edit.\n');
    writeFileSync(path.join(root, 'datasets/weights.bin'), 'other bytes');
    expect(key()).toEqual(first);
    appendFileSync(path.join(root, 'datasets/kernels/kernel.ts'), 'export const edited = true;\n');
    const second = key();
    expect(second.graders).not.toBe(first.graders);
    expect({ ...second, graders: first.graders }).toEqual(first);
    expect(key()).toEqual(second);
  });

  test("a student's edit changes only the student key", () => {
    const root = fixture();
    roots.push(root);
    const exercise = parseCourse(readFileSync(path.join(root, 'course.json'), 'utf8')).exercises[0];
    const target = path.join(root, 'exercises');
    const first = currentInputs(exercise, target, root, {});
    appendFileSync(path.join(target, 'exercise-01-x/x.ts'), 'export const y = 2;\n');
    const second = currentInputs(exercise, target, root, {});
    expect(second.student).not.toBe(first.student);
    expect(second.graders).toBe(first.graders);
  });
});
