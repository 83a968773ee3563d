/**
 * Publishing an exercise's solution into a student release after the deadline: its files go to
 * the release's `solutions/<folder>/`, where the reference door (graders/support/reference.ts)
 * finds them and switches that exercise from sealed recordings to the live solution — so any
 * seed works again. The release manifest gains the new files' hashes, so grading keeps warning
 * about changed grading files but not about the published solution.
 */
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseCourse, type Exercise } from '../../graders/support/course.ts';
import { hashFile } from '../../graders/support/integrity.ts';
import { walk } from './contents.ts';
import { manifestPath, type ReleaseManifest } from './manifest.ts';

/**
 * Copies the solution of `exercise` from the repository at `root` into the release at
 * `releaseDir`; returns the files written (release-relative). Throws naming what is wrong when
 * the folder is not a release of this course.
 *
 * @example publishSolution(repoRoot, findExercise('exercise-03'), '../cnn-student') → ['solutions/exercise-03-residual-block/residual-block.ts']
 */
export function publishSolution(root: string, exercise: Exercise, releaseDir: string): string[] {
  const release = path.resolve(releaseDir);
  const manifestFile = path.join(release, manifestPath);
  if (!existsSync(manifestFile))
    throw new Error(`publish-solutions: '${releaseDir}' is not a student release (no ${manifestPath}); pass the folder 'npm run release -- --out' wrote.`);
  const releaseCourse = parseCourse(readFileSync(path.join(release, 'course.json'), 'utf8'));
  if (!releaseCourse.exercises.some((e) => e.id === exercise.id)) {
    throw new Error(`publish-solutions: the release in '${releaseDir}' has no ${exercise.id} (it has ${releaseCourse.exercises.map((e) => e.id).join(', ')}).`);
  }
  const source = path.join(root, 'solutions', exercise.folder);
  if (!existsSync(path.join(source, exercise.files[0])))
    throw new Error(`publish-solutions: expected the solution solutions/${exercise.folder}/${exercise.files[0]} in this repository; it does not exist.`);
  cpSync(source, path.join(release, 'solutions', exercise.folder), { recursive: true });
  const written = walk(release, `solutions/${exercise.folder}`);
  const manifest = JSON.parse(readFileSync(manifestFile, 'utf8')) as ReleaseManifest;
  for (const file of written) manifest.files[file] = hashFile(path.join(release, file));
  manifest.files = Object.fromEntries(Object.entries(manifest.files).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  writeFileSync(manifestFile, `${JSON.stringify(manifest, null, 2)}\n`);
  return written;
}
