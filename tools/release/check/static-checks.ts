/**
 * The release's workflow matches course.json, its manifest is intact and notices a changed
 * grader, and it type-checks.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { modifiedGraderFiles } from '../../../graders/support/integrity.ts';
import { repoRoot } from '../../../graders/support/paths.ts';
import { checkWorkflow } from '../workflow-check.ts';
import type { Context } from './context.ts';

export function checkStatic(ctx: Context): void {
  const workflow = readFileSync(path.join(ctx.release, '.github', 'workflows', 'classroom.yml'), 'utf8');
  ctx.problems.push(...checkWorkflow(workflow, ctx.course).map((p) => `classroom.yml: ${p}`));
  const untouched = modifiedGraderFiles(ctx.release);
  if (untouched.length > 0) ctx.problems.push(`the fresh release's manifest already reports changes: ${untouched.join(', ')}`);
  const graders = path.join(ctx.release, 'graders', ctx.course.exercises[0].folder);
  const probe = path.join(
    graders,
    readdirSync(graders)
      .filter((f) => f.endsWith('.ts'))
      .sort()[0],
  );
  const original = readFileSync(probe, 'utf8');
  writeFileSync(probe, `${original}\n// changed\n`);
  const noticed = modifiedGraderFiles(ctx.release);
  writeFileSync(probe, original);
  if (!noticed.some((f) => probe.endsWith(f))) ctx.problems.push(`changing ${path.relative(ctx.release, probe)} went unnoticed by the manifest check`);
  const tsc = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', ctx.release], { encoding: 'utf8' });
  if (tsc.status !== 0) ctx.problems.push(`the release does not type-check:\n${`${tsc.stdout}${tsc.stderr}`.trim().split('\n').slice(0, 10).join('\n')}`);
  ctx.lines.push(`workflow, manifest (tamper noticed: ${noticed.length > 0 ? 'yes' : 'no'}) and typecheck checked`);
}
