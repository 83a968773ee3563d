/**
 * Graded in the release, the solutions (copied in as student code) score full marks on every
 * part and backend, and the stubs zero.
 */
import { cpSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from '../../../graders/support/paths.ts';
import { grade, type Context } from './context.ts';
import { sealedMisses } from './verdicts.ts';

export async function checkReferences(ctx: Context): Promise<void> {
  const solutions = path.join(ctx.work, 'targets', 'solutions');
  cpSync(path.join(repoRoot, 'solutions'), solutions, { recursive: true });
  const [full, zero] = await Promise.all([
    grade(ctx, 'release', solutions, ctx.ids, ctx.backends),
    grade(ctx, 'release', path.join(ctx.release, 'exercises'), ctx.ids, ctx.backends),
  ]);
  for (const id of ctx.ids) {
    const f = full?.exercises.find((e) => e.id === id);
    const z = zero?.exercises.find((e) => e.id === id);
    const notFull = f?.parts.filter((p) => p.status !== 'passed').map((p) => p.id) ?? ['all'];
    const notZero = z?.parts.filter((p) => p.status !== 'failed' || p.score !== 0).map((p) => p.id) ?? ['all'];
    if (notFull.length > 0)
      ctx.problems.push(
        `${id}: the solutions lose parts ${notFull.join(',')} in the release${sealedMisses(full, id).length ? ` (no sealed answer: ${sealedMisses(full, id).join('; ')})` : ''}`,
      );
    if (notZero.length > 0) ctx.problems.push(`${id}: the stubs do not score zero on parts ${notZero.join(',')} in the release`);
    ctx.lines.push(
      `${id}: solutions ${f ? `${f.score}/${f.maxScore}` : 'no result'}, stubs ${z ? `${z.score}/${z.maxScore}` : 'no result'} (in the release, ${ctx.backends.join('+')})`,
    );
  }
  if ((full?.graders_modified.length ?? 0) > 0) ctx.problems.push(`grading in the release reported modified graders: ${full?.graders_modified.join(', ')}`);
}
