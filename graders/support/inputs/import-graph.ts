/**
 * The local files a set of entry modules imports, transitively, as esbuild's bundler sees them
 * (its metafile): static imports and literal dynamic imports, resolved the way the bundles are.
 * npm packages are left out (package-lock.json stands for them).
 */
import { buildSync, type Plugin } from 'esbuild';
import path from 'node:path';

/** Repository-relative, `/`-separated, sorted. */
function relativeInputs(root: string, inputs: Record<string, unknown>): string[] {
  return Object.keys(inputs)
    .map((file) => path.relative(root, path.resolve(root, file)).split(path.sep).join('/'))
    .filter((file) => !file.startsWith('node_modules/') && !file.includes('/node_modules/') && !file.startsWith('..'))
    .sort();
}

/**
 * Every local file the `entries` (repository-relative or absolute) import, entries included.
 * Throws an Error naming the entries and esbuild's first message when they do not bundle.
 *
 * @example importGraph('/repo', ['graders/exercise-03-residual-block/driver.ts'])
 *   → ['datasets/bars/prng.ts', 'datasets/kernels/register.ts', …, 'graders/exercise-03-residual-block/driver.ts', …]
 */
export function importGraph(root: string, entries: string[], plugins: Plugin[] = []): string[] {
  if (entries.length === 0) return [];
  try {
    const result = buildSync({
      absWorkingDir: root,
      entryPoints: entries,
      bundle: true,
      write: false,
      metafile: true,
      platform: 'node',
      format: 'esm',
      target: 'node20',
      packages: 'external',
      outdir: 'out',
      logLevel: 'silent',
      plugins,
    });
    return relativeInputs(root, result.metafile.inputs);
  } catch (error) {
    const first = (error as { errors?: { text: string }[] }).errors?.[0]?.text ?? (error as Error).message;
    throw new Error(`import graph: expected ${entries.join(', ')} to bundle, got: ${first}`);
  }
}

/** The same list from a metafile a build already produced (the bundles use it). */
export function metafileInputs(root: string, metafile: { inputs: Record<string, unknown> }): string[] {
  return relativeInputs(root, metafile.inputs);
}
