/**
 * Fast start for the student's commands (`npm start`, `watch`, `hint`, `reset`): runs
 * `tools/student/<command>.ts` as plain JavaScript bundled once by esbuild into `.grade/tools/`,
 * instead of paying for a TypeScript loader (tsx) on every start. The bundle is rebuilt when any
 * of its source files (listed by esbuild's metafile) or this repository's location changes.
 *
 *   node tools/student/launch.mjs start --json
 *
 * Plain JavaScript on purpose: this file is what runs before anything can be compiled.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { digestFiles, readRemembered, remember } from '../../graders/support/inputs/input-digest.mjs';

const commands = ['start', 'watch', 'hint', 'reset'];
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const [command, ...args] = process.argv.slice(2);
if (!commands.includes(command)) {
  process.stderr.write(`launch: expected a command (${commands.join(', ')}), got '${command ?? ''}'.\n`);
  process.exit(2);
}
const entry = path.join(root, 'tools', 'student', `${command}.ts`);
const outDir = path.join(root, '.grade', 'tools');
const manifestFile = path.join(outDir, `${command}.json`);

// The bundle is remembered with the files esbuild read for it (graders/support/inputs, shared
// with the graders' own bundles); a moved repository or another Node version builds afresh.
const key = `${root}\n${process.version}\n${command}`;

function current() {
  const remembered = readRemembered(manifestFile, key, root);
  return remembered?.output !== undefined && existsSync(remembered.output) ? remembered.output : undefined;
}

/**
 * Bundled modules keep their own `import.meta.url` (paths.ts finds the repository from it), so
 * each one's is replaced by its source file's URL.
 */
const keepImportMetaUrl = {
  name: 'keep-import-meta-url',
  setup(build) {
    build.onLoad({ filter: /\.[cm]?[jt]s$/ }, (loaded) => {
      if (loaded.path.includes(`${path.sep}node_modules${path.sep}`)) return undefined;
      const text = readFileSync(loaded.path, 'utf8');
      if (!text.includes('import.meta.url')) return undefined;
      const loader = /\.[cm]?ts$/.test(loaded.path) ? 'ts' : 'js';
      return { contents: text.replaceAll('import.meta.url', JSON.stringify(pathToFileURL(loaded.path).href)), loader };
    });
  },
};

async function rebuild() {
  let esbuild;
  try {
    esbuild = await import('esbuild');
  } catch {
    process.stderr.write(`npm ${command}: esbuild is not installed — run \`npm ci\` first.\n`);
    process.exit(1);
  }
  const built = await esbuild.build({
    entryPoints: [entry],
    bundle: true,
    packages: 'external',
    platform: 'node',
    format: 'esm',
    target: 'node20',
    write: false,
    metafile: true,
    outdir: outDir,
    absWorkingDir: root,
    logLevel: 'silent',
    plugins: [keepImportMetaUrl],
  });
  const inputs = Object.keys(built.metafile.inputs).sort();
  const hash = digestFiles(root, inputs);
  const outfile = path.join(outDir, `${command}-${hash.slice(0, 16)}.mjs`);
  mkdirSync(outDir, { recursive: true });
  // Write, then rename: a second launch running at the same time never reads half a file.
  const temporary = `${outfile}.${process.pid}.tmp`;
  writeFileSync(temporary, built.outputFiles[0].contents);
  renameSync(temporary, outfile);
  remember(manifestFile, { key, files: inputs, digest: hash, output: outfile });
  for (const old of readdirSync(outDir)) {
    if (old.startsWith(`${command}-`) && old.endsWith('.mjs') && path.join(outDir, old) !== outfile) rmSync(path.join(outDir, old), { force: true });
  }
  return outfile;
}

const outfile = current() ?? (await rebuild());
// The command reads its own arguments from process.argv, as it would when run with tsx.
process.argv = [process.argv[0], entry, ...args];
await import(pathToFileURL(outfile).href);
