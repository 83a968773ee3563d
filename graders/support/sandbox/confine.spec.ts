import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { bundle } from './bundle.ts';

// A submission folder next to a "secret" folder, as exercises/ sits next to solutions/.
const root = mkdtempSync(path.join(tmpdir(), 'confine-'));
const own = path.join(root, 'submission', 'exercise');
const secret = path.join(root, 'secret');
mkdirSync(own, { recursive: true });
mkdirSync(secret);
writeFileSync(path.join(secret, 'answer.ts'), 'export const answer = 42;\n');
writeFileSync(path.join(secret, 'key.json'), '{ "q01": "A" }\n');
writeFileSync(path.join(own, 'helper.ts'), 'export const helper = 1;\n');
symlinkSync(secret, path.join(own, 'innocent'), 'dir');
afterAll(() => rmSync(root, { recursive: true, force: true }));

async function compile(source: string): Promise<string> {
  const entry = path.join(own, 'entry.ts');
  writeFileSync(entry, source);
  try {
    await bundle({ entry, outfile: path.join(root, 'out.mjs'), forbidden: [{ dir: secret, reason: 'flagged' }] });
    return 'compiled';
  } catch (error) {
    return (error as Error).message;
  }
}

describe('confine: a bundle holds only the submission, datasets and npm packages', () => {
  test('own files and npm packages compile', async () => {
    expect(await compile("import { helper } from './helper.ts';\nimport ndarray from 'ndarray';\nexport const x = [helper, ndarray];\n")).toBe('compiled');
  });
  test.each([
    ['a relative path', "export * from '../../secret/answer.ts';"],
    ['an absolute path', `export * from ${JSON.stringify(path.join(secret, 'answer.ts'))};`],
    ['a symbolic link inside the folder', "export * from './innocent/answer.ts';"],
    ['/proc/self/root', `export * from ${JSON.stringify(`/proc/self/root${path.join(secret, 'answer.ts')}`)};`],
  ])('refuses the secret folder through %s, with its reason', async (_how, source) => {
    expect(await compile(source)).toMatch(/answer\.ts: flagged/);
  });
  test('refuses import attributes, naming them', async () => {
    expect(await compile("import s from './helper.ts' with { type: 'text' };\nexport { s };")).toMatch(
      /with \{ type: 'text' \}: import attributes are not allowed/,
    );
  });
  test('refuses non-code files, even its own', async () => {
    writeFileSync(path.join(own, 'data.json'), '{}');
    expect(await compile("import d from './data.json';\nexport { d };")).toMatch(/only TypeScript and JavaScript/);
  });
  test('refuses URL imports', async () => {
    expect(await compile("export * from 'file:///etc/passwd';")).toMatch(/URL imports are not allowed/);
  });
  test('checks every file a require() glob matches', async () => {
    expect(await compile('const n = String(Date.now() % 1);\nexport const all = require(`../../secret/${n}`);')).toMatch(
      /flagged|outside your exercise folder/,
    );
  });
});
