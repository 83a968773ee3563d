/**
 * The sealed recordings are sealed — another seed finds no answer — yet correct code loses no
 * point for it (the checks without an answer are skipped, never failed), and after
 * `publish-solutions` the same exercise grades live, with that other seed, to full marks.
 */
import path from 'node:path';
import { modifiedGraderFiles } from '../../../graders/support/integrity.ts';
import { repoRoot } from '../../../graders/support/paths.ts';
import { publishSolution } from '../publish-solution.ts';
import { grade, type Context } from './context.ts';
import { pointsLost, sealedMisses } from './verdicts.ts';

export async function checkPublishing(ctx: Context, sealedIds: string[]): Promise<void> {
  const id = ctx.ids.find((i) => sealedIds.includes(i));
  if (id === undefined) return;
  const exercise = ctx.course.exercises.find((e) => e.id === id)!;
  const solutions = path.join(ctx.work, 'targets', 'solutions');
  const seed = { GRADE_SEED: 'release-check' };
  const sealed = await grade(ctx, 'release', solutions, [id], ['cpu'], seed);
  if (sealedMisses(sealed, id).length === 0)
    ctx.problems.push(`${id}: with another seed the sealed release still found every reference answer — is it really sealed?`);
  const lostSealed = pointsLost(sealed, id);
  if (lostSealed.length > 0)
    ctx.problems.push(
      `${id}: with another seed and no sealed answer, the solutions lose points on ${lostSealed.join(', ')} — a missing recording must never cost points`,
    );
  publishSolution(repoRoot, exercise, ctx.release);
  if (modifiedGraderFiles(ctx.release).length > 0)
    ctx.problems.push(`after publish-solutions the manifest reports changes: ${modifiedGraderFiles(ctx.release).join(', ')}`);
  const live = await grade(ctx, 'release', solutions, [id], ['cpu'], seed);
  const notFull = live?.exercises
    .find((e) => e.id === id)
    ?.parts.filter((p) => p.status !== 'passed')
    .map((p) => p.id) ?? ['all'];
  if (notFull.length > 0) ctx.problems.push(`${id}: after publish-solutions the solutions lose parts ${notFull.join(',')} with seed 'release-check'`);
  ctx.lines.push(
    `${id}: seed 'release-check' skips ${sealedMisses(sealed, id).length} test(s) without a sealed answer before publishing (points lost: ${lostSealed.length === 0 ? 'none' : lostSealed.join(', ')}); after publish-solutions: ${notFull.length === 0 ? 'full marks (live reference)' : 'NOT full marks'}`,
  );
}
