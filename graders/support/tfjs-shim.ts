/**
 * tfjs through `require` in the student's process. tfjs ships CommonJS; every ESM `import` of it
 * makes Node run its cjs-module-lexer over tfjs and the packages it re-exports (~0.3 s of CPU a
 * process, measured with --cpu-prof), while `require` costs nothing more than loading it. So the
 * bundles the student's process runs (the runner, a driver, the student's module) import every
 * `@tensorflow/<package>` through a small ESM module instead of the package itself:
 *
 *     import { createRequire } from 'node:module';
 *     const tfjs = createRequire(import.meta.url)('@tensorflow/tfjs');
 *     export default tfjs;
 *     const { "abs": e0, … } = tfjs;
 *     export { e0 as "abs", … };
 *
 * Named exports are static in ESM, so their list is read from the package itself, in a child
 * process (so the grader's own registries are untouched), once per package version and
 * remembered in the build folder. The names are the module's own enumerable keys, which is what
 * Node's lexer finds for tfjs today, plus `default` (the module): `import * as tf`, `import { conv2d }`
 * and `import tf from` keep working. Every bundle `require`s the same resolved file, so the runner,
 * the driver and the student share one tfjs instance, as they did with `import`.
 */
import type { Metafile, Plugin } from 'esbuild';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** A bare `@tensorflow/<package>` specifier, no subpath (those stay plain imports). */
const tfjsSpecifier = /^@tensorflow\/[a-z0-9][a-z0-9._-]*$/;
/** This file: bundles cached by their inputs list it, since it decides how they import tfjs. */
export const tfjsShimModule = fileURLToPath(import.meta.url);
/** esbuild's namespace for the shims in a plugin build: loaded by the plugin, never by confine.ts. */
const tfjsShimNamespace = 'tfjs-shim';

/**
 * The package.json of `specifier` as `root` resolves it, or undefined when it is not installed.
 *
 * @example packageJsonOf('/repo', '@tensorflow/tfjs') → '/repo/node_modules/@tensorflow/tfjs/package.json'
 */
export function packageJsonOf(root: string, specifier: string): string | undefined {
  try {
    return createRequire(path.join(root, 'package.json')).resolve(`${specifier}/package.json`);
  } catch {
    return undefined;
  }
}

/** Writes then renames: a concurrent worker never reads half a file. */
function writeWhole(file: string, text: string): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const temporary = `${file}.${process.pid}.tmp`;
  writeFileSync(temporary, text);
  renameSync(temporary, file);
}

/** Reads the module's keys in a fresh Node process (so nothing registers in this one). */
function readKeys(root: string, specifier: string): string[] {
  const script = 'process.stdout.write(JSON.stringify(Object.keys(require(process.argv[1]))))';
  const output = execFileSync(process.execPath, ['-e', script, specifier], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'] });
  const keys: unknown = JSON.parse(output);
  if (!Array.isArray(keys) || !keys.every((k) => typeof k === 'string'))
    throw new Error(`tfjs shim: expected ${specifier}'s keys as strings, got ${output.slice(0, 200)}`);
  return keys;
}

/**
 * The named exports of `specifier` (every enumerable key of the module but `default`), remembered
 * in `cacheDir` per package.json content (its version and dependencies).
 *
 * @example exportNames('/repo', '/repo/.grade/build', '@tensorflow/tfjs') → ['AdadeltaOptimizer', …, 'zerosLike'] (513 for 4.22)
 */
export function exportNames(root: string, cacheDir: string, specifier: string): string[] {
  const packageJson = packageJsonOf(root, specifier);
  if (packageJson === undefined) throw new Error(`tfjs shim: expected ${specifier} to be installed under ${root}, got no package.json`);
  const manifest = readFileSync(packageJson);
  const { version } = JSON.parse(manifest.toString('utf8')) as { version?: string };
  const digest = createHash('sha256').update(manifest).digest('hex').slice(0, 12);
  const file = path.join(cacheDir, 'tfjs-shim', `${specifier.replace('/', '+')}@${version ?? 'unversioned'}-${digest}.json`);
  try {
    const remembered: unknown = JSON.parse(readFileSync(file, 'utf8'));
    if (Array.isArray(remembered) && remembered.every((k) => typeof k === 'string')) return remembered;
  } catch {
    // Not remembered yet (or unreadable): read it again.
  }
  const names = readKeys(root, specifier).filter((name) => name !== 'default');
  writeWhole(file, JSON.stringify(names));
  return names;
}

/**
 * The ESM module standing for `specifier`: it `require`s the package and re-exports `names`.
 *
 * @example shimSource('@tensorflow/tfjs', ['abs', 'add']) → "import { createRequire } from 'node:module'; …"
 */
export function shimSource(specifier: string, names: string[]): string {
  const quoted = JSON.stringify(specifier);
  return [
    `// ${specifier} through require (graders/support/tfjs-shim.ts): no cjs-module-lexer pass over it.`,
    `import { createRequire } from 'node:module';`,
    `const tfjsModule = createRequire(import.meta.url)(${quoted});`,
    'export default tfjsModule;',
    `const { ${names.map((name, i) => `${JSON.stringify(name)}: e${i}`).join(', ')} } = tfjsModule;`,
    `export { ${names.map((name, i) => `e${i} as ${JSON.stringify(name)}`).join(', ')} };`,
  ].join('\n');
}

/**
 * The shim for `specifier` as a file in `cacheDir` (named by a hash of its text, written once), or
 * undefined when `root` has no such package installed.
 *
 * @example shimFile('/repo', '/repo/.grade/build', '@tensorflow/tfjs') → '/repo/.grade/build/tfjs-shim/@tensorflow+tfjs-5d0c….mjs'
 */
export function shimFile(root: string, cacheDir: string, specifier: string): string | undefined {
  if (packageJsonOf(root, specifier) === undefined) return undefined;
  const source = shimSource(specifier, exportNames(root, cacheDir, specifier));
  const file = path.join(cacheDir, 'tfjs-shim', `${specifier.replace('/', '+')}-${createHash('sha256').update(source).digest('hex').slice(0, 12)}.mjs`);
  if (!existsSync(file)) writeWhole(file, source);
  return file;
}

/**
 * esbuild `alias`es for the `@tensorflow/<package>` imports a bundle left external (its metafile's
 * `imports`), each to its {@link shimFile}: for `buildSync`, which takes no plugins. The shim files
 * then appear among the bundle's inputs, so a bundle cached by its inputs changes with them.
 *
 * @example tfjsAliases('/repo', '/repo/.grade/build', result.metafile) → { '@tensorflow/tfjs': '/repo/.grade/build/tfjs-shim/@tensorflow+tfjs-5d0c….mjs' }
 */
export function tfjsAliases(root: string, cacheDir: string, metafile: Metafile): Record<string, string> {
  const aliases: Record<string, string> = {};
  for (const input of Object.values(metafile.inputs)) {
    for (const imported of input.imports) {
      if (imported.external !== true || !tfjsSpecifier.test(imported.path) || imported.path in aliases) continue;
      const file = shimFile(root, cacheDir, imported.path);
      if (file !== undefined) aliases[imported.path] = file;
    }
  }
  return aliases;
}

/**
 * An esbuild plugin that resolves every installed `@tensorflow/<package>` to its {@link shimFile}
 * and loads it itself. Put it before confine.ts's plugin: the shim lives in the build folder, where
 * a submission may not import from, and is trusted code.
 *
 * @param root the repository whose node_modules the bundle uses
 * @param cacheDir where the shims and their export lists are kept (the build folder)
 */
export function tfjsShim(root: string, cacheDir: string): Plugin {
  return {
    name: 'tfjs-through-require',
    setup(build) {
      build.onResolve({ filter: tfjsSpecifier }, (args) => {
        const file = shimFile(root, cacheDir, args.path);
        return file === undefined ? undefined : { path: file, namespace: tfjsShimNamespace };
      });
      build.onLoad({ filter: /.*/, namespace: tfjsShimNamespace }, (args) => ({ contents: readFileSync(args.path, 'utf8'), loader: 'js', resolveDir: root }));
    },
  };
}
