/**
 * Goldens of real gradings, like Exercism's test-runner goldens: each case under cases/ is a
 * submission graded by the real runner (`gradeRun`: a child `vitest run`, the student's code in
 * its sandbox) on cpu with a fixed seed; the result file, normalised (normalise.ts), must equal the
 * case's committed `expected.json`. `UPDATE_GOLDEN=1 npx vitest run --config vitest.spec.config.ts
 * tools/goldens` rewrites the goldens; review the diff before keeping it. See README.md.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { repoRoot } from '../../graders/support/paths.ts';
import { readRunResult } from '../../graders/support/results/schema.ts';
import { updateGolden } from '../../graders/support/settings.ts';
import { studentEnv } from '../lib/e2e-process.ts';
import { gradeRun } from '../lib/grade-run.ts';
import { caseNames, casesDir, loadCase, materialiseCase } from './golden-case.ts';
import { normalise } from './normalise.ts';

/** The seed every case is graded with: its random cases, hence its counterexamples, are fixed. */
const seed = '1502';

/**
 * The grading's environment: a student's at a terminal without a GPU (cpu only, no colours), with
 * none of this spec run's own settings (vitest's worker variables, a GRADE_PATH or GRADE_SEED the
 * caller set), and the fixed seed. gradeRun sets GRADE_TARGET and GRADE_RESULTS itself.
 */
function gradingEnv(): NodeJS.ProcessEnv {
  const keep = studentEnv({ GRADE_SEED: seed });
  const env: NodeJS.ProcessEnv = {};
  // An undefined value removes the variable from the child's environment (gradeRun starts from process.env).
  for (const key of Object.keys(process.env)) if (!(key in keep) && key !== 'GRADE_TARGET' && key !== 'GRADE_RESULTS') env[key] = undefined;
  return { ...env, ...keep };
}

describe('real gradings match their goldens (cpu, one vitest run per case)', () => {
  for (const name of caseNames()) {
    it(name, async () => {
      const c = await loadCase(name);
      const target = await materialiseCase(name, c);
      const run = await gradeRun({ target, exercises: [c.exercise], env: gradingEnv(), timeoutMs: 100_000 });
      expect(run.result, `the grading wrote no result (exit ${run.exitCode}, timed out: ${run.timedOut}):\n${run.output.slice(-3000)}`).toBeDefined();
      const actual = normalise(run.result!, { repoRoot, tmp: tmpdir() });
      const file = path.join(casesDir, name, 'expected.json');
      if (updateGolden.read()) writeFileSync(file, `${JSON.stringify(actual, null, 2)}\n`);
      if (!existsSync(file)) throw new Error(`${path.relative(repoRoot, file)}: expected a golden file, found none (UPDATE_GOLDEN=1 writes it)`);
      // The golden is a valid result of the current schema (the one reader checks it), and means what the case says.
      const golden = readRunResult(JSON.parse(readFileSync(file, 'utf8')), path.relative(repoRoot, file));
      c.means(golden);
      expect(actual).toEqual(golden);
    }, 120_000);
  }
});
