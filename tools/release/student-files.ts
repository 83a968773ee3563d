/**
 * The files a release writes from the repository's own: package.json with the students' scripts
 * only (same dependencies, so the lock file still holds and `npm ci` works), and README.md: the
 * students' guide (STUDENTS.md) plus a short note on what the release contains.
 */
import type { Course } from '../../graders/support/course.ts';

/**
 * The release's package.json: the repository's, with `scripts` replaced by the students' ones.
 *
 * @example studentPackageJson('{"name":"x","scripts":{"test":"vitest run","verify":"…"}}', { test: 'vitest run' }) → '{\n  "name": "x",\n  "scripts": {\n    "test": "vitest run"\n  }\n}\n'
 */
export function studentPackageJson(text: string, scripts: Record<string, string>): string {
  const pkg = JSON.parse(text) as Record<string, unknown>;
  return `${JSON.stringify({ ...pkg, scripts }, null, 2)}\n`;
}

/** The students' guide in the repository, which a release ships as its README.md. */
export const studentGuide = 'STUDENTS.md';

/** The release's note on itself, appended to the students' README. */
function releaseNote(course: Course): string {
  return [
    '## About this repository',
    '',
    'This is the student release of the course: the stubs you edit (`exercises/`), the graders',
    '(`graders/`), the datasets and the text — and no solution. The graders still compare your code',
    'with the hidden reference: every answer they need from it was recorded when this release was',
    'built (`graders/sealed/`), with the default seed. So `GRADE_PATH` replays any case a failure',
    "shows, but another `GRADE_SEED` finds no recorded answers — until an exercise's solution is",
    'published after the deadline (it then appears in `solutions/` and any seed works).',
    '',
    '`graders/release-manifest.json` records a hash of every grading file (graders, harness, tools,',
    'configuration, the workflow). If one of them changes, every grading prints a warning and every',
    'export names the file: change only your files in `exercises/`.',
    '',
    '`.github/workflows/classroom.yml` grades each exercise on GitHub Actions',
    `(${course.exercises.map((e) => e.id).join(', ')}), with points per part, and ends with a`,
    '`Points X/Y` line.',
    '',
  ].join('\n');
}

/**
 * The release's README: the students' guide (STUDENTS.md) whole, without the editing markers
 * (`<!-- … -->` lines), followed by the release note.
 *
 * @example studentReadme('# T\n## Set up\nrun it\n<!-- x -->\nmore\n', course) → '# T\n## Set up\nrun it\nmore\n\n## About this repository…'
 */
export function studentReadme(guide: string, course: Course): string {
  const kept = guide.split('\n').filter((line) => !/^<!--.*-->\s*$/.test(line.trim()));
  return `${kept.join('\n').trimEnd()}\n\n${releaseNote(course)}`;
}
