import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from './paths.ts';
import {
  allSettings,
  courseBackend,
  courseFilesModified,
  courseWebgpu,
  gradeNoPrewarm,
  gradePath,
  gradeSeed,
  gradeTarget,
  shareWithWorkers,
} from './settings.ts';
import { settingsReadme, settingsTable, tableInReadme } from './settings-table.ts';

/** Names that look like settings but are not environment variables. */
const notSettings = new Set(['COURSE_MODEL_DIR']); // datasets/course-model.ts: a folder constant
/** Variables the OS, npm or GitHub define and document; the course only passes them on or appends to them. */
const systemVariables = new Set(['PATH', 'HOME', 'LANG', 'TMPDIR', 'XDG_RUNTIME_DIR', 'GITHUB_ENV', 'GITHUB_OUTPUT', 'NO_COLOR', 'NODE_OPTIONS']);
const skipped = new Set(['node_modules', '.grade', '.git', 'out']);
const sourceFile = /\.(ts|mts|mjs|js|yml|yaml|sh)$/;

/** Every source file of the repository (plus `.ci/run`), relative to its root. */
function sources(dir = repoRoot): string[] {
  const found: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    if (skipped.has(entry.name)) continue;
    const file = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...sources(file));
    else if (sourceFile.test(entry.name) || path.relative(repoRoot, file) === path.join('.ci', 'run')) found.push(path.relative(repoRoot, file));
  }
  return found;
}

/** Each match of `pattern`'s first group in the tree, with the files it occurs in. */
function occurrences(files: string[], pattern: RegExp): Map<string, string[]> {
  const where = new Map<string, string[]>();
  for (const file of files) {
    for (const m of readFileSync(path.join(repoRoot, file), 'utf8').matchAll(pattern)) where.set(m[1], [...(where.get(m[1]) ?? []), file]);
  }
  return where;
}

const files = sources();
const documented = new Set(allSettings.map((s) => s.name));

describe('settings', () => {
  it('every GRADE_*/COURSE_* name anywhere in the tree is a documented setting', () => {
    const names = occurrences(files, /\b((?:GRADE|COURSE)_[A-Z][A-Z0-9_]*)\b/g);
    const undocumented = [...names].filter(([name]) => !documented.has(name) && !notSettings.has(name)).map(([name, where]) => `${name} (${where.join(', ')})`);
    expect(names.size).toBeGreaterThan(15);
    expect(undocumented).toEqual([]);
  });

  it('every variable read through process.env is documented or a system variable', () => {
    const names = occurrences(files, /process\.env(?:\.|\[['"])([A-Za-z_][A-Za-z0-9_]*)/g);
    const unknown = [...names].filter(([name]) => !documented.has(name) && !systemVariables.has(name)).map(([name, where]) => `${name} (${where.join(', ')})`);
    expect(names.size).toBeGreaterThan(0);
    expect(unknown).toEqual([]);
  });

  it('only settings.ts reads a setting from an environment (hostile submissions are data)', () => {
    // A read: a setting's name on the environment object, not being assigned (=, ??=) or deleted.
    const read = new RegExp(`(?<!delete (?:process\\.)?)\\benv(?:\\.|\\[['"])(?:${[...documented].join('|')})\\b(?:['"]\\])?(?!\\s*(?:\\?\\?)?=[^=])`);
    const own = [path.join('graders', 'support', 'settings.ts'), path.join('graders', 'support', 'settings.spec.ts')]; // the spec checks what shareWithWorkers wrote
    const readers = files.filter((f) => !own.includes(f) && !f.startsWith(path.join('graders', 'hostile') + path.sep));
    const found = readers.filter((f) => read.test(readFileSync(path.join(repoRoot, f), 'utf8')));
    const env = ['process', 'env'].join('.');
    expect([`x = ${env}.GRADE_TARGET;`, `${env}['COURSE_WEBGPU'] === '0'`, 'env.GRADE_SEED?.trim()'].map((line) => read.test(line))).toEqual([
      true,
      true,
      true,
    ]);
    expect([`${env}.GRADE_SEED = '1';`, `${env}.GRADE_RUN_ID ??= id;`, `delete ${env}.GRADE_PATH;`].map((line) => read.test(line))).toEqual([
      false,
      false,
      false,
    ]);
    expect(found).toEqual([]);
  });

  it("the README's table is the one generated from settings.ts", () => {
    expect(tableInReadme(readFileSync(settingsReadme, 'utf8'))).toBe(settingsTable());
  });

  it('reads values, falls back to defaults, and refuses a bad value naming what was expected and given', () => {
    expect(gradeTarget.read({})).toBe('exercises');
    expect(gradeTarget.read({ GRADE_TARGET: ' solutions ' })).toBe('solutions');
    expect(gradeSeed.read({ GRADE_SEED: '' })).toBe('default');
    expect(courseBackend.read({ COURSE_BACKEND: 'webgpu' })).toBe('webgpu');
    expect(() => courseBackend.read({ COURSE_BACKEND: 'gpu' })).toThrow("COURSE_BACKEND: expected 'cpu' or 'webgpu', got 'gpu'.");
    expect(courseWebgpu.read({ COURSE_WEBGPU: '0' })).toBe(false);
    expect(() => courseWebgpu.read({ COURSE_WEBGPU: 'no' })).toThrow("COURSE_WEBGPU: expected '0' (skip webgpu) or '1', got 'no'.");
    expect(gradeNoPrewarm.read({ GRADE_NO_PREWARM: '1' })).toBe(true);
    expect(() => gradeNoPrewarm.read({ GRADE_NO_PREWARM: 'yes' })).toThrow("GRADE_NO_PREWARM: expected '1' (on) or '0' (off), got 'yes'.");
    expect(() => gradePath.read({ GRADE_PATH: '12;3' })).toThrow('GRADE_PATH: expected a fast-check path such as 12 or 12:3:0, got');
    expect(courseFilesModified.read({ COURSE_FILES_MODIFIED: '.npmrc, ,a.ts' })).toEqual(['.npmrc', 'a.ts']);
  });

  it('shareWithWorkers resolves a random seed and a run id once and passes them to every project', () => {
    const env: NodeJS.ProcessEnv = { GRADE_SEED: 'random' };
    const projects = shareWithWorkers({ available: true, adapter: 'SwiftShader', icd: '/icd.json' }, env);
    expect(env.GRADE_SEED).toMatch(/^\d+$/);
    expect(env.GRADE_RUN_ID).toMatch(/^[0-9a-f-]{36}$/);
    expect(env.COURSE_WEBGPU_ADAPTER).toBe('SwiftShader');
    expect(projects.cpu).toEqual({ GRADE_SEED: env.GRADE_SEED, GRADE_RUN_ID: env.GRADE_RUN_ID, COURSE_BACKEND: 'cpu' });
    expect(projects.webgpu).toEqual({ GRADE_SEED: env.GRADE_SEED, GRADE_RUN_ID: env.GRADE_RUN_ID, COURSE_BACKEND: 'webgpu', COURSE_WEBGPU_ICD: '/icd.json' });
    const none: NodeJS.ProcessEnv = { GRADE_RUN_ID: 'given' };
    shareWithWorkers({ available: false, reason: 'disabled by COURSE_WEBGPU=0' }, none);
    expect(none).toEqual({ GRADE_RUN_ID: 'given', COURSE_WEBGPU_REASON: 'disabled by COURSE_WEBGPU=0' });
  });
});
