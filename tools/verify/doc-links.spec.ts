/**
 * The docs link check: links read as Markdown (not inside code), missing files and anchors found,
 * GitHub's anchors for headings with code, dashes and repeats.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { brokenLinks, courseMarkdown, headingAnchors, markdownLinks } from './doc-links.ts';

const root = mkdtempSync(path.join(tmpdir(), 'doc-links-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

function put(file: string, text: string): void {
  mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
  writeFileSync(path.join(root, file), text);
}

describe('docs links', () => {
  it('reads links from Markdown, not from code spans or fences, tables included', () => {
    const text = 'See [a](A.md#x), `[b](B.md)`.\n\n```\n[c](C.md)\n```\n\n| k | v |\n|---|---|\n| [d](D.md) | 1 |\n\n- [e](https://example.org)\n';
    expect(markdownLinks(text)).toEqual(['A.md#x', 'D.md', 'https://example.org']);
  });

  it('spells anchors as GitHub does: code, punctuation and dashes dropped, repeats numbered', () => {
    const anchors = headingAnchors('# Guide\n## `npm start`: the first run\n### 5. Grade the class — the grade of record\n## Notes\n## Notes\n');
    expect([...anchors]).toEqual(['guide', 'npm-start-the-first-run', '5-grade-the-class--the-grade-of-record', 'notes', 'notes-1']);
    expect(headingAnchors('<a id="errata-5"></a>\n## #5 · A title\n')).toEqual(new Set(['errata-5', '5--a-title']));
  });

  it('names each link to a missing file or heading, and accepts the rest', () => {
    put('README.md', '# Top\n[ok](GUIDE.md#step-1) [self](#top) [web](https://x.org) [gone](OLD.md) [anchor](GUIDE.md#step-9) [up](../outside.md)\n');
    put('GUIDE.md', '# Guide\n## Step 1\n[back](README.md) [code](tools/a.ts#L3)\n');
    put('tools/a.ts', 'export {};\n');
    put('node_modules/p/README.md', '[x](nowhere.md)\n');
    expect(courseMarkdown(root)).toEqual(['GUIDE.md', 'README.md']);
    expect(brokenLinks(root, courseMarkdown(root))).toEqual([
      'README.md: [OLD.md] → OLD.md does not exist in the repository.',
      'README.md: [GUIDE.md#step-9] → GUIDE.md has no heading whose anchor is #step-9.',
      'README.md: [../outside.md] → ../outside.md does not exist in the repository.',
    ]);
  });
});
