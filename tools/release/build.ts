/**
 * Builds a student release: records the reference, copies what students get, writes the
 * generated files (package.json, README.md from STUDENTS.md, the autograding workflow, pristine stubs, sealed
 * recordings, the manifest), and proves nothing of the solutions leaked into it.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Course } from '../../graders/support/course.ts';
import { repoRoot } from '../../graders/support/paths.ts';
import { releaseFiles, studentScripts } from './contents.ts';
import { formatLeak, scanRelease, type Leak } from './leaks.ts';
import { writeManifest } from './manifest.ts';
import { checkReference, type Recording, recordReferences } from './record.ts';
import { compareRecordings, readRecording, sealRecordings, type SealedSummary } from './seal.ts';
import { collectSecrets } from './secrets.ts';
import { studentGuide, studentPackageJson, studentReadme } from './student-files.ts';
import { classroomWorkflow } from './workflow.ts';

export interface ReleaseOptions {
  /** The folder to write (created; must be empty, or a release when `force` is set). */
  out: string;
  /** Backends the reference is recorded on. */
  backends: string[];
  /** Replace an existing release in `out`. */
  force?: boolean;
  /** Record twice and compare. */
  checkDeterminism?: boolean;
  /**
   * Use an existing recording instead of grading the solutions: a folder (taken as it is), or a
   * recording with the solutions' grading behind it, checked as a recording made here is (full
   * marks on every part, warnings logged). The caller keeps either: it is not removed.
   */
  recording?: string | Recording;
  log?: (line: string) => void;
}

export interface ReleaseReport {
  out: string;
  files: number;
  sealed: SealedSummary[];
  /** Empty when the release is clean. */
  leaks: Leak[];
  /** Differences between two recordings (only with checkDeterminism). */
  determinism: string[] | undefined;
  recordingMs: number;
  /** Pristine stub copies written, or why none were. */
  stubs: string;
}

function prepareOut(out: string, force: boolean): void {
  const inside = path.relative(out, repoRoot);
  if (inside === '' || !inside.startsWith('..')) throw new Error(`release: --out must not be the repository or a folder above it, got '${out}'.`);
  if (!existsSync(out)) {
    mkdirSync(out, { recursive: true });
    return;
  }
  if (readdirSync(out).length === 0) return;
  if (!force) throw new Error(`release: '${out}' is not empty; choose another folder or add --force to replace a previous release.`);
  if (!existsSync(path.join(out, 'graders', 'release-manifest.json')))
    throw new Error(`release: '${out}' is not empty and does not look like a release (no graders/release-manifest.json); refusing to replace it.`);
  for (const entry of readdirSync(out)) if (entry !== '.git') rmSync(path.join(out, entry), { recursive: true, force: true });
}

async function writeStubs(out: string): Promise<string> {
  const file = path.join(repoRoot, 'tools', 'lib', 'stubs.ts');
  if (!existsSync(file)) return 'none: tools/lib/stubs.ts does not exist yet';
  const module = (await import(pathToFileURL(file).href)) as { writePristineStubs?: (root: string, outDir: string) => string[] };
  if (typeof module.writePristineStubs !== 'function') return 'none: tools/lib/stubs.ts has no writePristineStubs';
  return `${module.writePristineStubs(repoRoot, out).length} file(s) in .course/stubs/`;
}

/**
 * Builds the release described by `options` for `course` (the repository's course.json).
 *
 * @example await buildRelease(loadCourse(), { out: '/tmp/cnn-release', backends: ['cpu'] }) → { files: 212, leaks: [], … }
 */
export async function buildRelease(course: Course, options: ReleaseOptions): Promise<ReleaseReport> {
  const log = options.log ?? (() => {});
  const out = path.resolve(options.out);
  const given = typeof options.recording === 'string' ? undefined : options.recording;
  // Before anything is written: a recording whose solutions lost a point makes no release.
  if (given !== undefined) for (const warning of checkReference(course, given.result)) log(`warning: ${warning}`);
  prepareOut(out, options.force === true);

  let recordingDir = typeof options.recording === 'string' ? options.recording : given?.dir;
  let recordingMs = 0;
  let determinism: string[] | undefined;
  if (recordingDir === undefined) {
    log(`recording the reference: grading solutions/ on ${options.backends.join(', ')} with the default seed…`);
    const first = await recordReferences(course, options.backends);
    recordingDir = first.dir;
    recordingMs = first.durationMs;
    for (const warning of first.warnings) log(`warning: ${warning}`);
    if (options.checkDeterminism) {
      log('recording again to check that the recordings are deterministic…');
      const second = await recordReferences(course, options.backends);
      determinism = compareRecordings(readRecording(first.dir, course), readRecording(second.dir, course));
      rmSync(second.dir, { recursive: true, force: true });
    }
  }

  log('copying the stubs, graders, harness, datasets and tools…');
  const files = await releaseFiles(repoRoot, course);
  for (const file of files) {
    mkdirSync(path.dirname(path.join(out, file)), { recursive: true });
    copyFileSync(path.join(repoRoot, file), path.join(out, file));
  }
  const pkgText = readFileSync(path.join(repoRoot, 'package.json'), 'utf8');
  const scripts = await studentScripts(repoRoot, (JSON.parse(pkgText) as { scripts: Record<string, string> }).scripts);
  writeFileSync(path.join(out, 'package.json'), studentPackageJson(pkgText, scripts));
  writeFileSync(path.join(out, 'README.md'), studentReadme(readFileSync(path.join(repoRoot, studentGuide), 'utf8'), course));
  mkdirSync(path.join(out, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(out, '.github', 'workflows', 'classroom.yml'), classroomWorkflow(course));
  const stubs = await writeStubs(out);

  const recordings = readRecording(recordingDir, course);
  const conflicts = [...recordings].filter(([, r]) => r.conflicts.length > 0).map(([id, r]) => `${id}: ${r.conflicts.length} key(s)`);
  if (conflicts.length > 0)
    throw new Error(`release: the reference gave different answers to the same question (${conflicts.join(', ')}); its graders are not deterministic.`);
  const sealed = sealRecordings(recordings, out);
  if (options.recording === undefined) rmSync(recordingDir, { recursive: true, force: true });
  writeManifest(out, course);

  log('scanning the release for solution files, solution code and answers…');
  const leaks = scanRelease(out, await collectSecrets(repoRoot, course));
  for (const leak of leaks) log(`LEAK ${formatLeak(leak)}`);
  return { out, files: files.length + 5, sealed, leaks, determinism, recordingMs, stubs };
}
