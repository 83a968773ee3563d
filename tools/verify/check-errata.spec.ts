/**
 * The errata check on small fixture repositories (written to a temporary folder): it passes when
 * citations and entries agree, and fails on a dangling citation, an uncited entry, an entry cited
 * only where students cannot read it, and a malformed appendix.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { checkErrata, citationsIn, errataEntries } from './check-errata.ts';
import { repoRoot } from '../../graders/support/paths.ts';

const entry = (n: number) => `<a id="errata-${n}"></a>\n## #${n} · Entry ${n}\n- **The article:** …\n\n`;
const appendix = (...ns: number[]) => `# What the article got wrong\n\n${ns.map(entry).join('')}`;

let root: string | undefined;
function fixture(files: Record<string, string>): string {
  root = mkdtempSync(path.join(tmpdir(), 'errata-'));
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}
afterEach(() => {
  if (root !== undefined) rmSync(root, { recursive: true, force: true });
  root = undefined;
});

describe('citations', () => {
  it('reads single entries, ranges, lists and the old style', () => {
    const found = citationsIn('a.md', 'see [article errata #2–#4](X.md#errata-2),\nthen article errata #6, #7 and #17; old: ERRATA rows 8–10, ERRATA row 1');
    expect(found.filter((c) => !c.legacy).map((c) => c.entry)).toEqual([2, 3, 4, 6, 7, 17]);
    expect(found.filter((c) => c.legacy).map((c) => c.entry)).toEqual([8, 9, 10, 1]);
    expect(found.find((c) => c.entry === 6)?.line).toBe(2);
  });

  it('ignores a bare "#8" and the appendix file name', () => {
    expect(citationsIn('a.md', 'issue #8, ARTICLE-ERRATA.md#errata-3')).toEqual([]);
  });
});

describe('the appendix', () => {
  it('lists its entries', () => {
    expect(errataEntries(appendix(1, 2, 5))).toEqual([1, 2, 5]);
  });

  it('refuses an anchor that disagrees with its heading, a repeated entry, a heading without anchor', () => {
    expect(() => errataEntries('<a id="errata-1"></a>\n## #2 · Two\n')).toThrow(/anchor errata-1 is followed by the heading of #2/);
    expect(() => errataEntries(appendix(1, 1))).toThrow(/#1 appears twice/);
    expect(() => errataEntries(`${appendix(1)}## #2 · No anchor\n`)).toThrow(/2 entry headings but 1 with an anchor/);
  });
});

describe('checkErrata on a fixture repository', () => {
  it('passes when every citation resolves and every entry is cited in shipped text', () => {
    const report = checkErrata(
      fixture({ 'ARTICLE-ERRATA.md': appendix(1, 2), 'COURSE.md': 'article errata #1', 'exercises/e/README.md': 'article errata #2' }),
    );
    expect(report.problems).toEqual([]);
    expect(report.citations).toHaveLength(2);
  });

  it('fails on a dangling citation, naming the file, line and entry', () => {
    const report = checkErrata(fixture({ 'ARTICLE-ERRATA.md': appendix(1, 2), 'COURSE.md': 'article errata #1–#2\n\nand article errata #3' }));
    expect(report.problems).toEqual(['COURSE.md:3 cites article errata #3, but ARTICLE-ERRATA.md has no entry #3 (it has #1–#2).']);
  });

  it('fails on a dangling old-style citation too, and on the old wording itself', () => {
    const report = checkErrata(fixture({ 'ARTICLE-ERRATA.md': appendix(1), 'COURSE.md': 'article errata #1', 'graders/g/x.ts': '// ERRATA row 9' }));
    expect(report.problems).toEqual([
      'graders/g/x.ts:1 cites article errata #9, but ARTICLE-ERRATA.md has no entry #9 (it has #1–#1).',
      'graders/g/x.ts:1: old-style "ERRATA row" citation — say "article errata #N" (ARTICLE-ERRATA.md).',
    ]);
  });

  it('fails on an old-style citation of an entry that exists', () => {
    const report = checkErrata(fixture({ 'ARTICLE-ERRATA.md': appendix(1), 'COURSE.md': 'article errata #1', 'graders/g/x.ts': '// ERRATA row 1' }));
    expect(report.problems).toEqual(['graders/g/x.ts:1: old-style "ERRATA row" citation — say "article errata #N" (ARTICLE-ERRATA.md).']);
  });

  it('fails on an entry cited nowhere, or only where students cannot read it (solutions, mutants, tools)', () => {
    const report = checkErrata(
      fixture({
        'ARTICLE-ERRATA.md': appendix(1, 2, 3),
        'COURSE.md': 'article errata #1',
        'solutions/e/a.ts': '// article errata #2',
        'graders/mutants/e/m.ts': '// article errata #2',
      }),
    );
    expect(report.problems).toEqual([
      'ARTICLE-ERRATA.md #2 is cited nowhere a student can read it: cite it where the course teaches it, or remove the entry.',
      'ARTICLE-ERRATA.md #3 is cited nowhere a student can read it: cite it where the course teaches it, or remove the entry.',
    ]);
  });

  it('skips hidden folders, node_modules and pictures the graders wrote', () => {
    const files = {
      'ARTICLE-ERRATA.md': appendix(1),
      'COURSE.md': 'article errata #1',
      '.grade/build/x.md': 'article errata #9',
      'node_modules/p/README.md': 'article errata #9',
      'out/e/notes.md': 'article errata #9',
    };
    expect(checkErrata(fixture(files)).problems).toEqual([]);
  });

  it('fails when the appendix is missing', () => {
    expect(checkErrata(fixture({ 'COURSE.md': 'article errata #1' })).problems).toEqual(['ARTICLE-ERRATA.md is missing: the course cites its entries.']);
  });
});

describe('this repository', () => {
  it('has an appendix whose entries are all cited, and no dangling citation', () => {
    const report = checkErrata(repoRoot);
    expect(report.problems).toEqual([]);
    expect(report.entries.length).toBeGreaterThanOrEqual(22);
  });
});
