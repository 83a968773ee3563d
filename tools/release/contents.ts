/**
 * What a student release holds, read from course.json and package.json — never a fixed list of
 * exercises: every exercise's grading inputs (graders/support/inputs), then the extras: the
 * course's files at the top, each exercise's stubs and graders, the harness, the datasets, and the tools behind the scripts students run (found by following imports with
 * esbuild). Never solutions/, graders/mutants/ or graders/hostile/ (both are edits of the
 * solutions), nor the repository's own tests (`*.spec.ts`).
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import type { Course } from '../../graders/support/course.ts';
import { gradingInputs } from '../../graders/support/inputs/grading-inputs.ts';
import { importGraph } from '../../graders/support/inputs/import-graph.ts';

/** Files copied as they are from the repository's top level. */
export const topLevelFiles = ['COURSE.md', 'ARTICLE-ERRATA.md', 'course.json', 'tsconfig.json', 'vitest.config.ts', 'package-lock.json', '.gitignore'];

/** Tools the autograding workflow runs itself, not through a package.json script. */
export const workflowTools = ['tools/release/pristine.mjs'];

/**
 * Scripts of package.json that only make sense with solutions/ and the maintainers' tools. The key
 * builders are named because they reach solutions/ through a shipped grader's dynamic import,
 * which following imports cannot see.
 */
export const instructorScripts = ['verify', 'spec', 'release', 'publish-solutions', 'bench', 'quiz-key', 'verdict-key'];

/** Never shipped: the repository's own tests (and the tools' test fixtures), hidden files, modules. */
function excluded(relative: string): boolean {
  const name = path.basename(relative);
  const parts = relative.split('/');
  return name.endsWith('.spec.ts') || name.startsWith('.') || parts.includes('node_modules') || (parts[0] === 'tools' && parts.includes('fixtures'));
}

/** Every file under `relative` (a folder of the repository), as repository-relative paths. */
export function walk(root: string, relative: string): string[] {
  const absolute = path.join(root, relative);
  if (!existsSync(absolute)) return [];
  if (!statSync(absolute).isDirectory()) return excluded(relative) ? [] : [relative];
  return readdirSync(absolute)
    .sort()
    .flatMap((name) => (name.startsWith('.') ? [] : walk(root, `${relative}/${name}`)));
}

/** The file a package.json script runs (`node x.mjs`, `tsx x.ts`), if it runs one. */
export function scriptEntry(command: string): string | undefined {
  const match = /^(?:node|tsx)\s+(\S+\.(?:ts|mjs|js))(?:\s|$)/.exec(command.trim());
  return match?.[1];
}

/**
 * The local files the given entry files import, transitively (their own included), following
 * static and literal dynamic imports the way the bundler does.
 */
export async function importClosure(root: string, entries: string[]): Promise<string[]> {
  try {
    return withTypeImports(root, importGraph(root, entries)).sort();
  } catch (error) {
    throw new Error(`release: cannot follow the imports of ${entries.join(', ')}: ${(error as Error).message}`);
  }
}

/** Relative modules a file names in `import … from` / `export … from` — type-only ones included. */
function relativeImports(root: string, file: string): string[] {
  if (!/\.(ts|mts)$/.test(file)) return [];
  const text = readFileSync(path.join(root, file), 'utf8');
  return [...text.matchAll(/^\s*(?:import|export)\b[^;'"]*?\bfrom\s*['"](\.\.?\/[^'"]+)['"]/gm)].map((m) =>
    path.posix.normalize(path.posix.join(path.posix.dirname(file), m[1])),
  );
}

/**
 * The bundler drops imports that only bring types (`import type …`), but the type checker needs
 * those files too: adds them, transitively.
 */
function withTypeImports(root: string, files: string[]): string[] {
  const all = new Set(files);
  const queue = [...files];
  while (queue.length > 0) {
    for (const next of relativeImports(root, queue.pop()!)) {
      if (!all.has(next) && existsSync(path.join(root, next))) {
        all.add(next);
        queue.push(next);
      }
    }
  }
  return [...all];
}

/** Whether a file is hidden from students (a solution, or an edit of one). */
export function isSolutionPath(relative: string): boolean {
  return /^(solutions|graders\/mutants|graders\/hostile)\//.test(relative);
}

/**
 * The scripts a student release keeps: not the instructors' (listed, or any whose code imports
 * solutions/ — it could not run without them), and only those whose file exists.
 */
export async function studentScripts(root: string, scripts: Record<string, string>): Promise<Record<string, string>> {
  const kept: Record<string, string> = {};
  for (const [name, command] of Object.entries(scripts)) {
    if (instructorScripts.includes(name)) continue;
    const entry = scriptEntry(command);
    if (entry !== undefined) {
      if (!existsSync(path.join(root, entry))) continue;
      if ((await importClosure(root, [entry])).some(isSolutionPath)) continue;
    }
    kept[name] = command;
  }
  return kept;
}

/**
 * The tools students' scripts run: for each script's entry under tools/, every file of its folder
 * (a launcher may pick a sibling by name, as tools/student/launch.mjs does) and everything those
 * import.
 */
export async function studentTools(root: string, scripts: Record<string, string>): Promise<string[]> {
  const entries = new Set<string>();
  for (const command of Object.values(await studentScripts(root, scripts))) {
    const entry = scriptEntry(command);
    if (entry === undefined || !entry.startsWith('tools/') || !existsSync(path.join(root, entry))) continue;
    const folder = path.posix.dirname(entry);
    for (const file of readdirSync(path.join(root, folder)).sort()) {
      const relative = `${folder}/${file}`;
      if (/\.(ts|mjs|js)$/.test(file) && !excluded(relative) && statSync(path.join(root, relative)).isFile()) entries.add(relative);
    }
  }
  const closure = await importClosure(root, [...entries]);
  const leaking = closure.filter(isSolutionPath);
  if (leaking.length > 0) throw new Error(`release: the students' tools import ${leaking.join(', ')}; a release cannot ship them.`);
  return [...new Set([...entries, ...closure])].filter((f) => f.startsWith('tools/') && !excluded(f)).sort();
}

/**
 * Every repository file a release copies unchanged, as repository-relative paths (generated
 * files — package.json, README.md, the workflow, sealed recordings, the manifest — come later).
 *
 * @example await releaseFiles(repoRoot, loadCourse()) → ['.gitignore', 'COURSE.md', …, 'exercises/exercise-01-convolution/convolution.ts', …]
 */
export async function releaseFiles(root: string, course: Course): Promise<string[]> {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as { scripts?: Record<string, string> };
  // What decides each grade (graders/support/inputs), less the reference and what the release
  // writes itself (package.json, sealed recordings, the manifest): the extras follow.
  const grading = course.exercises
    .flatMap((exercise) => gradingInputs(exercise, { root, course }).files)
    .filter((file) => !isSolutionPath(file) && file !== 'package.json' && existsSync(path.join(root, file)));
  const files = [
    ...grading,
    ...topLevelFiles.filter((f) => existsSync(path.join(root, f))),
    ...course.exercises.flatMap((e) => walk(root, `exercises/${e.folder}`)),
    ...walk(root, 'graders/support'),
    ...course.exercises.flatMap((e) => walk(root, `graders/${e.folder}`)),
    ...walk(root, 'datasets'),
    ...workflowTools,
    ...(await studentTools(root, pkg.scripts ?? {})),
  ];
  return [...new Set(files)];
}
