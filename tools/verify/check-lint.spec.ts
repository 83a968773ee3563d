import { describe, expect, it } from 'vitest';
import { findings } from './check-lint.ts';

describe('lint step', () => {
  it('lists every finding of biome’s JSON report, infos included', () => {
    const report = {
      summary: {},
      diagnostics: [
        { severity: 'info', message: 'Use a template.', category: 'lint/style/useTemplate', location: { path: 'a.ts', start: { line: 3, column: 5 } } },
        { severity: 'error', message: 'File content differs from formatting output', category: 'format', location: { path: 'b.ts' } },
      ],
    };
    expect(findings(JSON.stringify(report))).toEqual([
      'a.ts:3:5 info lint/style/useTemplate: Use a template.',
      'b.ts:?:? error format: File content differs from formatting output',
    ]);
    expect(findings(JSON.stringify({ summary: {}, diagnostics: [] }))).toEqual([]);
    expect(findings(`\u001b[0m${JSON.stringify(report)}`)).toHaveLength(2);
  });

  it('refuses output that is not a biome report, saying what it got', () => {
    expect(() => findings('Segmentation fault')).toThrow("biome ci: expected its JSON report, got 'Segmentation fault'");
    expect(() => findings('{"summary":{}}')).toThrow('biome ci: expected a report with a diagnostics list');
  });
});
