/**
 * The pieces of a release that come from the repository's own files: which scripts students
 * keep, the README (the students' guide), the sealed files' bytes, the manifest and publishing a solution.
 */
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { loadCourse } from '../../graders/support/course.ts';
import { modifiedGraderFiles } from '../../graders/support/integrity.ts';
import { repoRoot } from '../../graders/support/paths.ts';
import { instructorScripts, isSolutionPath, releaseFiles, scriptEntry, studentScripts, workflowTools } from './contents.ts';
import { writeManifest } from './manifest.ts';
import { publishSolution } from './publish-solution.ts';
import { compareRecordings, readRecording, sealedBytes, sealRecordings } from './seal.ts';
import { studentGuide, studentPackageJson, studentReadme } from './student-files.ts';
import { markdownLinks } from '../verify/doc-links.ts';

const course = loadCourse();
const dir = mkdtempSync(path.join(tmpdir(), 'release-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('what a release holds', () => {
  it('reads the file a script runs', () => {
    expect(scriptEntry('tsx tools/grade/main.ts')).toBe('tools/grade/main.ts');
    expect(scriptEntry('node tools/student/launch.mjs start')).toBe('tools/student/launch.mjs');
    expect(scriptEntry('vitest run')).toBeUndefined();
  });

  it("keeps the students' scripts and drops the instructors' (listed, or importing solutions/)", async () => {
    const kept = await studentScripts(repoRoot, {
      test: 'vitest run',
      verify: 'tsx tools/verify/main.ts',
      grade: 'tsx tools/grade/main.ts',
      key: 'tsx tools/quiz/make-key.ts',
      gone: 'tsx tools/nothing-here.ts',
    });
    expect(Object.keys(kept)).toEqual(['test', 'grade']);
    // The key builders read solutions/ (verdict-key through a grader's dynamic import): never shipped.
    const pkg = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8')) as { scripts: Record<string, string> };
    const shipped = Object.keys(await studentScripts(repoRoot, pkg.scripts));
    expect(shipped.filter((name) => /key/.test(name))).toEqual([]);
  });

  it('ships stubs, graders, harness and tools of every exercise of course.json, and nothing of the solutions', async () => {
    const files = await releaseFiles(repoRoot, course);
    for (const exercise of course.exercises) {
      expect(files).toContain(`exercises/${exercise.folder}/${exercise.files[0]}`);
      expect(files.some((f) => f.startsWith(`graders/${exercise.folder}/`))).toBe(true);
    }
    expect(files).toContain('tools/grade/main.ts');
    expect(files.filter(isSolutionPath)).toEqual([]);
    // Of the release tools, only what the workflow runs itself (the pristine step).
    expect(
      files.filter((f) => f.endsWith('.spec.ts') || f.startsWith('tools/verify/') || (f.startsWith('tools/release/') && !workflowTools.includes(f))),
    ).toEqual([]);
    expect(files).toEqual(expect.arrayContaining(workflowTools));
  });

  it("ships the students' guide whole as the README, without editing markers, then the release note", () => {
    const text = '# Course\n\n## Set up\nnpm test\n<!-- student-loop -->\nmore\n\n## Your grade\nadvisory\n';
    const readme = studentReadme(text, course);
    expect(readme.startsWith('# Course\n\n## Set up\nnpm test\nmore\n\n## Your grade\nadvisory\n\n## About this repository')).toBe(true);
    expect(readme).not.toMatch(/<!--/);
  });

  it("the students' guide names no instructors' script or guide", () => {
    const guide = readFileSync(path.join(repoRoot, studentGuide), 'utf8');
    expect(instructorScripts.filter((name) => new RegExp(`npm run ${name}\\b`).test(guide))).toEqual([]);
    expect(guide).not.toMatch(/GRADE_TARGET=solutions|INSTRUCTORS\.md|MAINTAINERS\.md|--submissions/);
  });

  it('every Markdown file a release ships links only to files it ships', async () => {
    const shipped = new Set([...(await releaseFiles(repoRoot, course)), 'README.md']);
    const dangling = [...shipped]
      .filter((file) => file.endsWith('.md'))
      .flatMap((file) => {
        const text = readFileSync(path.join(repoRoot, file === 'README.md' ? studentGuide : file), 'utf8');
        return markdownLinks(text)
          .map((link) => link.split('#')[0])
          .filter((link) => link !== '' && !/^[a-z]+:/i.test(link))
          .map((link) => path.posix.normalize(path.posix.join(path.posix.dirname(file), link)))
          .filter((target) => !shipped.has(target))
          .map((target) => `${file} → ${target}`);
      });
    expect(shipped.has('COURSE.md')).toBe(true);
    expect(dangling).toEqual([]);
  });

  it('replaces only the scripts of package.json', () => {
    const pkg = JSON.parse(studentPackageJson(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'), { test: 'vitest run' }));
    const original = JSON.parse(readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
    expect(pkg.scripts).toEqual({ test: 'vitest run' });
    expect(pkg.dependencies).toEqual(original.dependencies);
  });
});

describe('sealed recordings', () => {
  const recordingDir = path.join(dir, 'recording');
  mkdirSync(recordingDir, { recursive: true });
  const id = course.exercises[0].id;
  writeFileSync(path.join(recordingDir, `${id}.100.jsonl`), '{"key":"b","value":"2"}\n{"key":"a","value":"1"}\n');
  writeFileSync(path.join(recordingDir, `${id}.200.jsonl`), '{"key":"a","value":"1"}\n');

  it('merges the files of every process, sorted, the same bytes every time', () => {
    const recording = readRecording(recordingDir, course).get(id)!;
    expect(recording.calls).toBe(3);
    expect(recording.conflicts).toEqual([]);
    expect(JSON.parse(gunzipSync(sealedBytes(recording)).toString())).toEqual({ entries: { a: '1', b: '2' } });
    expect(sealedBytes(recording).equals(sealedBytes(readRecording(recordingDir, course).get(id)!))).toBe(true);
  });

  it('reports a key recorded with two different values, and differences between two recordings', () => {
    const other = path.join(dir, 'other');
    mkdirSync(other, { recursive: true });
    writeFileSync(path.join(other, `${id}.1.jsonl`), '{"key":"a","value":"1"}\n{"key":"a","value":"9"}\n');
    expect(readRecording(other, course).get(id)!.conflicts).toEqual(['a']);
    expect(compareRecordings(readRecording(recordingDir, course), readRecording(other, course))).toEqual([
      `${id}: 1 key(s) only in the first recording, 0 only in the second, 0 with different values`,
    ]);
  });

  it('writes one file per exercise, an empty one where the reference was never asked', () => {
    const release = path.join(dir, 'sealed-release');
    const summary = sealRecordings(readRecording(recordingDir, course), release);
    expect(summary.map((s) => s.id)).toEqual(course.exercises.map((e) => e.id));
    const last = course.exercises[course.exercises.length - 1].id;
    expect(JSON.parse(gunzipSync(readFileSync(path.join(release, 'graders', 'sealed', `${last}.json.gz`))).toString())).toEqual({ entries: {} });
  });
});

describe('manifest and publishing', () => {
  const release = path.join(dir, 'release');
  const exercise = course.exercises[0];
  mkdirSync(path.join(release, 'graders', exercise.folder), { recursive: true });
  writeFileSync(path.join(release, 'graders', exercise.folder, 'a.test.ts'), '// grader\n');
  writeFileSync(path.join(release, 'course.json'), readFileSync(path.join(repoRoot, 'course.json')));

  it('the manifest lists the grading files, and the integrity check notices a change', () => {
    const manifest = writeManifest(release);
    expect(Object.keys(manifest.files)).toEqual(['course.json', `graders/${exercise.folder}/a.test.ts`]);
    expect(modifiedGraderFiles(release)).toEqual([]);
    writeFileSync(path.join(release, 'graders', exercise.folder, 'a.test.ts'), '// changed\n');
    expect(modifiedGraderFiles(release)).toEqual([`graders/${exercise.folder}/a.test.ts`]);
    writeFileSync(path.join(release, 'graders', exercise.folder, 'a.test.ts'), '// grader\n');
  });

  it('publishing copies the solution and adds it to the manifest', () => {
    const written = publishSolution(repoRoot, exercise, release);
    expect(written).toContain(`solutions/${exercise.folder}/${exercise.files[0]}`);
    expect(readFileSync(path.join(release, written[0]), 'utf8')).toBe(readFileSync(path.join(repoRoot, written[0]), 'utf8'));
    expect(modifiedGraderFiles(release)).toEqual([]);
    writeFileSync(path.join(release, written[0]), '// tampered\n');
    expect(modifiedGraderFiles(release)).toEqual([written[0]]);
  });

  it('refuses a folder that is not a release, naming it', () => {
    expect(() => publishSolution(repoRoot, exercise, dir)).toThrow(/is not a student release \(no graders\/release-manifest.json\)/);
  });
});
