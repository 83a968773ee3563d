import { mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, test } from 'vitest';
import { repoRoot } from './paths.ts';
import { bundle } from './sandbox/bundle.ts';
import { runnerBundle } from './sandbox/client.ts';

// A submission folder outside the repository that resolves packages from the repository's node_modules.
const root = mkdtempSync(path.join(tmpdir(), 'tfjs-shim-'));
symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
afterAll(() => rmSync(root, { recursive: true, force: true }));
const required = createRequire(import.meta.url)('@tensorflow/tfjs') as Record<string, unknown>;

/** Bundles `source` as a submission and returns its text and its module. */
async function compile(name: string, source: string): Promise<{ text: string; module: Record<string, unknown> }> {
  const entry = path.join(root, `${name}.ts`);
  const outfile = path.join(root, `${name}.mjs`);
  writeFileSync(entry, source);
  await bundle({ entry, outfile });
  return { text: readFileSync(outfile, 'utf8'), module: (await import(pathToFileURL(outfile).href)) as Record<string, unknown> };
}

const anImport = /(from\s*|import\s*\(\s*)["']@tensorflow\/tfjs["']/;

describe('tfjs shim: bundles take tfjs through require', () => {
  test("a submission's namespace, default and named imports are tfjs's, with the names Node's import gives", async () => {
    const { text, module } = await compile(
      'student',
      "import * as tf from '@tensorflow/tfjs';\nimport tfDefault, { conv2d } from '@tensorflow/tfjs';\nexport { tf, tfDefault, conv2d };\n",
    );
    expect(text).not.toMatch(anImport);
    const native = (await import('@tensorflow/tfjs')) as Record<string, unknown>;
    const namespace = module.tf as Record<string, unknown>;
    expect(Object.keys(namespace).sort()).toEqual([...Object.keys(required), 'default'].sort());
    expect(Object.keys(namespace).sort()).toEqual(Object.keys(native).sort());
    // One instance: the very objects require gives, not copies.
    expect(module.tfDefault).toBe(required);
    expect(namespace.default).toBe(required);
    expect(module.conv2d).toBe(required.conv2d);
    expect(namespace.engine).toBe(required.engine);
  });

  test('the runner bundle imports no @tensorflow package, statically or dynamically', () => {
    const text = readFileSync(runnerBundle(), 'utf8');
    expect(text).not.toMatch(/(from\s*|import\s*\(\s*)["']@tensorflow\//);
    expect(text).toMatch(/createRequire\d*\(import\.meta\.url\)\("@tensorflow\/tfjs"\)/);
  });

  test('a @tensorflow package that is not installed stays a plain import (and fails where it runs, as before)', async () => {
    const entry = path.join(root, 'missing.ts');
    writeFileSync(entry, "import * as missing from '@tensorflow/not-installed';\nexport { missing };\n");
    await bundle({ entry, outfile: path.join(root, 'missing.mjs') });
    expect(readFileSync(path.join(root, 'missing.mjs'), 'utf8')).toMatch(/from\s*["']@tensorflow\/not-installed["']/);
  });
});
