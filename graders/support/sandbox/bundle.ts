/**
 * Compiles TypeScript for the student's process: one ESM file per entry, with npm packages left
 * as imports. Runs in the grader's process, which is why it also polices what a submission may
 * import (confine.ts): only its own folder, the course's datasets code and npm packages, by real path.
 */
import { build, buildSync, type BuildOptions, type Message } from 'esbuild';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { metafileInputs } from '../inputs/import-graph.ts';
import { digestFiles, readRemembered, remember } from '../inputs/input-digest.mjs';
import { repoRoot, shortPath, stateDir } from '../paths.ts';
import { tfjsAliases, tfjsShim, tfjsShimModule } from '../tfjs-shim.ts';
import { confine, type ForbiddenDir } from './confine.ts';

/** Compilation failed: a syntax error, a missing file, or a forbidden import. */
export class CompileError extends Error {
  override name = 'CompileError';
}

export interface BundleOptions {
  entry: string;
  outfile: string;
  /** Folders the bundle may not import from, each with the reason shown when it does. */
  forbidden?: ForbiddenDir[];
}

/** What a submission may bundle besides its own folder: the course's datasets code (exercise 04). */
const sharedRoots = [path.join(repoRoot, 'datasets'), path.join(repoRoot, 'node_modules')];

function formatMessage(message: Message): string {
  const where = message.location;
  if (where === null) return message.text;
  const file = shortPath(path.resolve(repoRoot, where.file));
  return `${file}:${where.line}:${where.column + 1}: ${message.text}\n    ${where.lineText.trim()}`;
}

const common: BuildOptions = {
  bundle: true,
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  sourcemap: 'inline',
  sourceRoot: '',
  absWorkingDir: repoRoot,
  logLevel: 'silent',
};

/** This bundler's own code, where it lies inside `root`: how a bundle is made is part of what it is made of. */
function bundlerFiles(root: string): string[] {
  const own = [fileURLToPath(import.meta.url), tfjsShimModule];
  return own.map((file) => path.relative(root, file).split(path.sep).join('/')).filter((file) => !file.startsWith('..'));
}

/**
 * Bundles trusted grader code (the runner, a driver) once per content. Every file the bundle is
 * made of (esbuild's metafile: the entry and everything it imports, `datasets/` included) is
 * remembered beside it with a hash of their contents; the bundle is reused while those files are
 * unchanged, and built again when any of them changes. Synchronous, so a process can be started
 * at once.
 *
 * @param root the repository the entry belongs to (a test passes a fixture)
 * @returns the bundle's path, e.g. `.grade/build/driver-3f2a….mjs`
 */
export function bundleCached(entry: string, dir: string, prefix: string, root = repoRoot): string {
  const key = path.relative(root, entry).split(path.sep).join('/');
  const inputsFile = path.join(dir, `${prefix}-${createHash('sha256').update(key).digest('hex').slice(0, 12)}.inputs.json`);
  const remembered = readRemembered(inputsFile, key, root);
  // The output is remembered by name: a copied repository never reuses another one's build folder.
  const reused = remembered?.output === undefined ? undefined : path.join(dir, path.basename(remembered.output));
  // A record that does not list the bundler itself predates tfjs-shim.ts: its bundle imports tfjs the slow way.
  const current = remembered !== undefined && bundlerFiles(root).every((file) => remembered.files.includes(file));
  if (reused !== undefined && current && existsSync(reused)) return reused;
  const once = (alias: Record<string, string> = {}) =>
    buildSync({ ...common, absWorkingDir: root, entryPoints: [entry], outfile: path.join(dir, `${prefix}.mjs`), write: false, metafile: true, alias });
  let result = once();
  // tfjs through require (tfjs-shim.ts): buildSync takes no plugins, so a second pass aliases what the first left external.
  const alias = tfjsAliases(root, dir, result.metafile);
  if (Object.keys(alias).length > 0) result = once(alias);
  const files = [...metafileInputs(root, result.metafile), ...bundlerFiles(root)].sort();
  const digest = digestFiles(root, files);
  const outfile = path.join(dir, `${prefix}-${digest.slice(0, 16)}.mjs`);
  // Write then rename, so a concurrent reader never sees half a file. The folder may not exist
  // yet: a fresh clone starts the student's process (prewarm) before anything else creates it.
  mkdirSync(dir, { recursive: true });
  const temporary = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temporary, result.outputFiles[0].contents);
  renameSync(temporary, outfile);
  remember(inputsFile, { key, files, digest, output: path.basename(outfile) });
  return outfile;
}

/**
 * Bundles `entry` into `outfile` (ESM, Node 20, inline source maps so stack traces name the
 * student's TypeScript lines). Throws {@link CompileError} with file:line:column on failure.
 */
export async function bundle(options: BundleOptions): Promise<void> {
  try {
    await build({
      ...common,
      entryPoints: [options.entry],
      outfile: options.outfile,
      // tfjs through require first: its generated modules are not files for confine to check.
      plugins: [tfjsShim(repoRoot, path.join(stateDir, 'build')), confine([path.dirname(options.entry), ...sharedRoots], options.forbidden)],
    });
  } catch (error) {
    const errors = (error as { errors?: Message[] }).errors;
    if (!Array.isArray(errors)) throw error;
    throw new CompileError(errors.slice(0, 5).map(formatMessage).join('\n'));
  }
}
