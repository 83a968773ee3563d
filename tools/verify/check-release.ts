/**
 * Step: the student release works and leaks nothing (issue 7). Builds a release in a throw-away
 * folder under .grade/ (node_modules hard-linked instead of `npm ci`, to save the download and
 * the minutes), sealing the recording verify's solutions step made in this run when it graded on
 * the same backends (else recording here), then proves, in timed phases (check/phases.ts; those
 * that share nothing side by side, lines always in the order below):
 * - no solution file, solution function body or plain answer anywhere in it;
 * - the workflow matches course.json, the manifest is intact and notices a changed grader;
 * - the release type-checks;
 * - graded there, the solutions (copied in as student code) score full marks and the stubs zero;
 * - the workflow's own commands, run with only PATH and HOME, give the part's points as point
 *   tests and a "Points X/Y" line;
 * - Gradescope's autograder zip, run as Gradescope runs it (one exercise, cpu), gives full marks
 *   for the solutions, 0 for the stubs and a valid 0 with the reason for a broken submission;
 * - every mutant (materialised from this repository's solutions, graded in batches on the pool
 *   of cores) gets exactly the verdict it gets here, part by part, and is still rejected;
 * - the sealed recordings really are sealed (another seed finds no answer) yet the solutions
 *   lose no point for it, and after `publish-solutions` the same exercise grades live, with that
 *   other seed, to full marks.
 */
import { chmodSync, mkdirSync, mkdtempSync, rmSync } from 'node:fs';
import path from 'node:path';
import { loadCourse } from '../../graders/support/course.ts';
import { repoRoot, stateDir } from '../../graders/support/paths.ts';
import { buildRelease, type ReleaseReport } from '../release/build.ts';
import { checkAutograding } from '../release/check/autograding.ts';
import { checkGradescopeAutograder } from '../release/check/gradescope.ts';
import type { Context } from '../release/check/context.ts';
import { linkTree } from '../lib/link-tree.ts';
import { checkMutants } from '../release/check/mutants.ts';
import { checkPublishing } from '../release/check/publishing.ts';
import { checkReferences } from '../release/check/references.ts';
import { checkStatic } from '../release/check/static-checks.ts';
import { type PhaseOutcome, phaseTimes, reportPhases, runPhase } from '../release/check/phases.ts';
import { takeRecording } from '../release/recording-handover.ts';
import { formatLeak } from '../release/leaks.ts';
import type { Step } from './step.ts';
import { keepReleaseCheck } from '../../graders/support/settings.ts';

/** The step, for the exercises `only` (all when undefined), recording and grading on `backends`. */
export function releaseStep(only?: string[], backends: string[] = ['cpu']): Step {
  return {
    name: 'student release works and leaks nothing',
    async run() {
      const course = loadCourse();
      mkdirSync(stateDir, { recursive: true });
      const work = mkdtempSync(path.join(stateDir, 'release-check-'));
      // The sandbox runs student code as nobody, which must be able to reach the release's files:
      // mkdtemp makes the folder private.
      chmodSync(work, 0o755);
      const release = path.join(work, 'release');
      const ctx: Context = {
        course,
        release,
        work,
        ids: course.exercises.map((e) => e.id).filter((id) => only === undefined || only.includes(id)),
        backends,
        lines: [],
        problems: [],
      };
      // The solutions step's grading, when it ran in this verify on the same backends, is the
      // reference the release seals: the solutions are not graded a second time to record it.
      const handed = takeRecording(backends);
      ctx.lines.push(handed.recording !== undefined ? handed.reason : `reference recorded here (${handed.reason})`);
      try {
        let report: ReleaseReport | undefined;
        const build = await runPhase(ctx, 'build', async (own) => {
          report = await buildRelease(course, {
            out: release,
            backends,
            recording: handed.recording,
            log: (line) => (line.startsWith('warning') ? own.lines.push(line) : undefined),
          });
          own.lines.push(
            `release built: ${report.files} files, sealed ${report.sealed.map((s) => `${s.id} ${s.entries} answers ${(s.bytes / 1024).toFixed(0)} KB`).join(', ')}`,
          );
          own.problems.push(...report.leaks.map((l) => `LEAK ${formatLeak(l)}`));
          own.lines.push(
            report.leaks.length === 0
              ? 'leak scan: no solution file, solution function body or answer in the release'
              : `leak scan: ${report.leaks.length} leak(s)`,
          );
        });
        reportPhases(ctx, [build]);
        const groups: PhaseOutcome[][] = [[build]];
        if (report !== undefined) {
          const sealedIds = report.sealed.filter((s) => s.entries > 0).map((s) => s.id);
          linkTree(path.join(repoRoot, 'node_modules'), path.join(release, 'node_modules'));
          const phases: [string, (own: Context) => void | Promise<void>][][] = [
            [['static checks', checkStatic]],
            [['references', checkReferences]],
            // Side by side: each grades one exercise at a time (a core otherwise idle), and they
            // share nothing (autograding swaps a stub folder in the release, Gradescope works in
            // its own folder from the repository's files).
            [
              ['autograding', checkAutograding],
              ['gradescope', checkGradescopeAutograder],
            ],
            [['mutants', checkMutants]],
            // Last: publishing changes the release.
            [['publishing', (own) => checkPublishing(own, sealedIds)]],
          ];
          for (const group of phases) {
            const outcomes = await Promise.all(group.map(([name, check]) => runPhase(ctx, name, check)));
            reportPhases(ctx, outcomes);
            groups.push(outcomes);
          }
        }
        ctx.lines.push(phaseTimes(groups));
      } catch (error) {
        ctx.problems.push(String(error instanceof Error ? error.message : error));
      } finally {
        if (handed.recording !== undefined) rmSync(handed.recording.dir, { recursive: true, force: true });
        if (keepReleaseCheck.read()) ctx.lines.push(`kept ${work}`);
        else rmSync(work, { recursive: true, force: true });
      }
      return { ok: ctx.problems.length === 0, lines: [...ctx.lines, ...ctx.problems.map((p) => `✗ ${p}`)] };
    },
  };
}
