/**
 * What a waiting watch worker loads before the save (`node --import`, in order): tsx's ESM loader,
 * a resolve hook that gives `@tensorflow/*` through the require shims as vitest.config.ts's alias
 * does, and a preload that starts a spare student process (graders/support/sandbox/spare.ts),
 * loads tfjs, the graders' npm packages and every module of the exercise's graders but its
 * `*.test.ts` files. The worker runs vitest with `viteModuleRunner: false` (tools/lib/warm-grader.ts):
 * the graders are then imported by Node, whose module cache the preload has filled, so a save
 * pays for none of that import. Nothing here touches the student's files.
 *
 *   const files = await writeWatchPreload(dir, findExercise('exercise-01'));
 *   warmForks({ preload: files }); // [tsx's loader, register.mjs, preload.mjs]
 */
import { writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Exercise } from '../../graders/support/course.ts';
import { graderEntries } from '../../graders/support/inputs/grading-inputs.ts';
import { importGraph } from '../../graders/support/inputs/import-graph.ts';
import { repoRoot, stateDir } from '../../graders/support/paths.ts';
import { runnerBundle } from '../../graders/support/sandbox/client.ts';
import { gradeRunId } from '../../graders/support/settings.ts';
import { shimFile } from '../../graders/support/tfjs-shim.ts';

/** npm packages (and a Node module) the graders import: 0.1 s of a cold grading's import. */
const graderPackages = ['fast-check', 'esbuild', 'ndarray', 'vitest', 'node:zlib'];

const url = (file: string): string => pathToFileURL(file).href;

/** The resolve hook (its own module: Node runs hooks off the main thread) and the module that registers it. */
function writeTfjsHook(dir: string): string {
  const buildDir = path.join(stateDir, 'build');
  const aliases: Record<string, string> = {};
  for (const specifier of ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu']) {
    const file = shimFile(repoRoot, buildDir, specifier);
    if (file !== undefined) aliases[specifier] = url(file);
  }
  const hooks = path.join(dir, 'tfjs-hooks.mjs');
  writeFileSync(
    hooks,
    [
      `const aliases = ${JSON.stringify(aliases)};`,
      'export async function resolve(specifier, context, next) {',
      '  const alias = aliases[specifier];',
      '  return alias === undefined ? next(specifier, context) : { url: alias, shortCircuit: true };',
      '}',
    ].join('\n'),
  );
  const register = path.join(dir, 'register.mjs');
  writeFileSync(register, `import { register } from 'node:module';\nregister(${JSON.stringify(url(hooks))});\n`);
  return register;
}

/** The exercise's grader modules but its test files (those vitest imports itself), absolute. */
export function graderModules(exercise: Exercise, root = repoRoot): string[] {
  const tests = graderEntries(exercise, root);
  return importGraph(root, tests)
    .filter((file) => file.startsWith('graders/') && !tests.includes(file))
    .map((file) => path.join(root, file));
}

/**
 * Writes the files a waiting worker imports, in order, into `dir`.
 *
 * @returns absolute paths: tsx's ESM loader, the tfjs hook's registration, the preload
 */
export async function writeWatchPreload(dir: string, exercise: Exercise): Promise<string[]> {
  const settings = {
    backend: 'cpu',
    readable: [path.join(repoRoot, 'datasets')],
    root: repoRoot,
    runner: runnerBundle(),
    // Not the run id: the reporter's end-of-run sweep must not take the next grading's process for a leftover.
    marker: `${gradeRunId.read() ?? 'watch'}:spare`,
  };
  const buildDir = path.join(stateDir, 'build');
  const preload = path.join(dir, 'preload.mjs');
  writeFileSync(
    preload,
    [
      `import { randomUUID } from 'node:crypto';`,
      `import path from 'node:path';`,
      `import { startSpare } from ${JSON.stringify(url(path.join(repoRoot, 'graders', 'support', 'sandbox', 'spare.ts')))};`,
      // A waiting worker whose watch is gone (killed) ends too, and its student process with it (bwrap --die-with-parent).
      `process.once('disconnect', () => process.exit(0));`,
      // A terminal's Ctrl-C goes to the whole foreground process group: watch stops its workers
      // itself. A worker killed by it mid-run made vitest wait out its 60 s RPC time-out, or crash
      // on "Worker exited unexpectedly" (an 'error' event nobody listened to).
      `process.on('SIGINT', () => {});`,
      // The private folder is named like the Sandbox's own (g-<worker pid>-…), so stale-build cleanup knows it.
      `startSpare({ ...${JSON.stringify(settings)}, privateDir: path.join(${JSON.stringify(buildDir)}, \`g-\${process.pid}-\${randomUUID().slice(0, 8)}\`) });`,
      `await import('@tensorflow/tfjs');`,
      ...graderPackages.map((specifier) => `await import(${JSON.stringify(specifier)});`),
      // esbuild's service, which bundles the student's files after the save (~25 ms then, not ~80).
      `await (await import('esbuild')).transform('');`,
      ...graderModules(exercise).map((file) => `await import(${JSON.stringify(url(file))});`),
    ].join('\n'),
  );
  return [createRequire(path.join(repoRoot, 'package.json')).resolve('tsx/esm'), writeTfjsHook(dir), preload];
}
