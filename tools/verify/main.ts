/**
 * `npm run verify`: the repository's own test suite, what CI runs. Each step prints a table;
 * the run fails if any step fails.
 *
 *   npm run verify                      # everything
 *   npm run verify -- --only mutants    # steps whose name contains 'mutants'
 *   npm run verify -- --exercise exercise-01
 */
import { courseLayout } from './check-course.ts';
import { hostileStep } from './check-hostile.ts';
import { lint } from './check-lint.ts';
import { mutantsStep } from './check-mutants.ts';
import { releaseStep } from './check-release.ts';
import { solutionsScoreFull, stubsScoreZero } from './check-references.ts';
import { spec } from './check-spec.ts';
import { typecheck } from './check-typecheck.ts';
import type { Step, StepResult } from './step.ts';
import { detectWebgpu } from '../../graders/support/backends/detect.ts';
import { osSandbox } from '../../graders/support/sandbox/os-sandbox.ts';
import { courseRequireSandbox, courseRequireWebgpu } from '../../graders/support/settings.ts';
import { commandLine } from '../../graders/support/command-line.ts';

const { values } = commandLine(
  'verify',
  { only: { type: 'string', multiple: true }, exercise: { type: 'string', multiple: true } },
  'npm run verify -- [--only <step name part>]... [--exercise <id>]...',
  { positionals: false },
);

const webgpu = detectWebgpu();
const backends = webgpu.available ? ['cpu', 'webgpu'] : ['cpu'];
process.stdout.write(webgpu.available ? `backends: cpu, webgpu (${webgpu.adapter})\n` : `backends: cpu only — webgpu: ${webgpu.reason}\n`);
if (!webgpu.available && courseRequireWebgpu.read()) {
  process.stdout.write('COURSE_REQUIRE_WEBGPU=1 but webgpu is not available: CI must grade on both backends.\n');
  process.exit(1);
}
const sandbox = osSandbox();
process.stdout.write(sandbox.available ? `OS sandbox: bubblewrap (${sandbox.bwrap})\n` : `OS sandbox: none — ${sandbox.reason}\n`);
if (!sandbox.available && courseRequireSandbox.read()) {
  process.stdout.write('COURSE_REQUIRE_SANDBOX=1 but bubblewrap cannot sandbox here: CI must prove the hostile submissions contained by the OS sandbox.\n');
  process.exit(1);
}
const steps: Step[] = [
  courseLayout,
  lint,
  typecheck,
  spec,
  solutionsScoreFull,
  stubsScoreZero,
  mutantsStep(values.exercise),
  hostileStep(values.exercise, backends),
  releaseStep(values.exercise, backends),
];
const selected = steps.filter((s) => values.only === undefined || values.only.some((o) => s.name.includes(o)));

const verifyStarted = Date.now();
/** Milliseconds as seconds with one decimal, as the step lines print them. */
const seconds = (ms: number): string => (ms / 1000).toFixed(1);
const results: StepResult[] = [];
for (const step of selected) {
  const started = Date.now();
  process.stdout.write(`\n▶ ${step.name}\n`);
  let outcome: { ok: boolean; lines: string[] };
  try {
    outcome = await step.run();
  } catch (error) {
    outcome = { ok: false, lines: [String(error instanceof Error ? error.stack : error)] };
  }
  const result = { name: step.name, ...outcome, durationMs: Date.now() - started };
  results.push(result);
  process.stdout.write(`${result.lines.map((l) => `  ${l}`).join('\n')}\n`);
  process.stdout.write(`${result.ok ? '✓' : '✗'} ${step.name} (${seconds(result.durationMs)} s)\n`);
}

const failed = results.filter((r) => !r.ok);
process.stdout.write(
  // The whole run's wall time last (tools/bench/verify-steps.ts parses it).
  `\nverify: ${results.length - failed.length} of ${results.length} steps passed${failed.length ? `; failed: ${failed.map((f) => f.name).join(', ')}` : ''} (${seconds(Date.now() - verifyStarted)} s)\n`,
);
process.exitCode = failed.length === 0 ? 0 : 1;
