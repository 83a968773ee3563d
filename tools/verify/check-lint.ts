/**
 * Step: the tree is formatted and lint-free (`biome ci .`, the rules in `biome.jsonc`). Any
 * finding fails the step, infos included: a rule that does not fit is turned off in biome.jsonc
 * with its reason, never left to warn. `npm run lint` fixes what Biome can fix.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { repoRoot } from '../../graders/support/paths.ts';
import type { Step } from './step.ts';

/** One Biome diagnostic, as its JSON reporter writes it. */
interface Finding {
  severity: string;
  message: string;
  category?: string;
  location?: { path?: string; start?: { line: number; column: number } };
}

/**
 * The findings of a `biome ci --reporter=json` run, one line each, or an Error when the output is not Biome's report.
 *
 * @example findings('{"diagnostics":[{"severity":"info","message":"Use a template.","category":"lint/style/useTemplate","location":{"path":"a.ts","start":{"line":3,"column":5}}}]}')
 *   → ['a.ts:3:5 info lint/style/useTemplate: Use a template.']
 */
export function findings(json: string): string[] {
  let report: { diagnostics?: Finding[] };
  try {
    // Biome may put a terminal reset code before the report.
    report = JSON.parse(json.slice(Math.max(0, json.indexOf('{'))));
  } catch {
    throw new Error(`biome ci: expected its JSON report, got '${json.slice(0, 200)}'`);
  }
  if (!Array.isArray(report.diagnostics)) throw new Error(`biome ci: expected a report with a diagnostics list, got '${json.slice(0, 200)}'`);
  return report.diagnostics.map((d) => {
    const where = d.location?.path === undefined ? '(no file)' : `${d.location.path}:${d.location.start?.line ?? '?'}:${d.location.start?.column ?? '?'}`;
    return `${where} ${d.severity} ${d.category ?? ''}: ${d.message}`;
  });
}

export const lint: Step = {
  name: 'lint and format (biome ci)',
  async run() {
    const biome = path.join(repoRoot, 'node_modules', '@biomejs', 'biome', 'bin', 'biome');
    const args = [biome, 'ci', '.', '--reporter=json', '--max-diagnostics=none', '--colors=off'];
    const result = spawnSync(process.execPath, args, { cwd: repoRoot, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    const found = findings(result.stdout);
    const ok = result.status === 0 && found.length === 0;
    if (found.length === 0 && !ok)
      return { ok, lines: [`biome ci exited ${result.status ?? result.signal}`, ...result.stderr.trim().split('\n').slice(0, 20)] };
    return {
      ok,
      lines: found.length === 0 ? ['biome ci . : no findings'] : [...found.slice(0, 60), `${found.length} findings; npm run lint fixes what Biome can`],
    };
  },
};
