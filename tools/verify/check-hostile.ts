/**
 * Step: every hostile submission is contained (issue 10). For each one: the parts it attacks fail
 * with a message naming what happened, every other part is graded on its merits, the run ends in
 * bounded time with a non-zero exit (controls aside), the closing line and results file come from
 * the grader, no student process is left running, and the graders are untouched (issue 13:) and a
 * canary — a secret in a file only the grader can read, and in the grader's environment — appears
 * in no output or results file. Hostiles whose category starts with `os-` (sockets, kill(-1),
 * native addons) are contained only by the OS sandbox: skipped, with the reason, where it is missing.
 */
import { randomUUID } from 'node:crypto';
import { rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import path from 'node:path';
import { loadCourse } from '../../graders/support/course.ts';
import { findSandboxes } from '../../graders/support/sandbox/cleanup.ts';
import { useOsSandbox } from '../../graders/support/sandbox/os-sandbox.ts';
import { formatCounts, testText } from '../../graders/support/results/print.ts';
import { gradeRun } from '../lib/grade-run.ts';
import { inLanes } from './lanes.ts';
import { loadHostile } from '../lib/mutants.ts';
import { hashTree } from '../lib/hash-tree.ts';
import { table, type Step } from './step.ts';

const maxSeconds = 240;

/**
 * Categories whose runs mostly wait: the grader sits out a per-call time limit (5 s) for each
 * hanging call. They get a lane of their own next to the cores' lanes ({@link inLanes}).
 */
const waitingCategories = new Set(['hang']);

export function hostileStep(only?: string[], backends: string[] = ['cpu']): Step {
  return {
    name: 'hostile submissions are contained',
    async run() {
      const course = loadCourse();
      const exercises = course.exercises.filter((e) => only === undefined || only.includes(e.id));
      const jobs = (await Promise.all(exercises.map(async (e) => (await loadHostile(e)).map((h) => ({ exercise: e, hostile: h }))))).flat();
      const watched = ['graders/support', ...exercises.map((e) => `graders/${e.folder}`), 'vitest.config.ts', 'package.json'];
      const before = hashTree(watched);
      // The canary: its file's path goes nowhere; its value only into the grader's environment.
      const canary = `canary-secret-${randomUUID()}`;
      const canaryFile = path.join(tmpdir(), `canary-${randomUUID()}`);
      writeFileSync(canaryFile, canary, { mode: 0o600 });
      const os = useOsSandbox();
      const waits = ({ hostile }: (typeof jobs)[number]): boolean => waitingCategories.has(hostile.definition.category);
      const rows = await inLanes(jobs, waits, { busy: Math.max(1, cpus().length), waiting: 1 }, async ({ exercise, hostile }) => {
        const wanted = hostile.definition.backends ?? ['cpu'];
        const usable = wanted.filter((b) => backends.includes(b));
        const name = `${exercise.id}/${hostile.name}`;
        if (usable.length === 0) return { ok: true, row: [name, hostile.definition.category, `skipped (needs ${wanted.join(', ')})`, 'held'] };
        // Unsandboxed, kill(-1) would kill this machine's processes: never run these without the wall.
        if (hostile.definition.category.startsWith('os-') && !os.available)
          return { ok: true, row: [name, hostile.definition.category, `skipped (needs the OS sandbox: ${os.reason})`, 'held'] };
        const runId = randomUUID();
        const env = { GRADE_RUN_ID: runId, COURSE_INSTRUCTOR_SECRET: canary };
        const run = await gradeRun({ target: hostile.target, exercises: [exercise.id], backends: usable, env, timeoutMs: maxSeconds * 1000 });
        const problems: string[] = [];
        const result = run.result;
        const ex = result?.exercises.find((e) => e.id === exercise.id);
        if (result === undefined || ex === undefined) problems.push('no results file');
        for (const [partId, expected] of Object.entries(hostile.definition.expect)) {
          const part = ex?.parts.find((p) => p.id === partId);
          if (part === undefined) continue;
          const actual = part.status === 'passed' ? 'pass' : 'fail';
          if (actual !== expected) problems.push(`part ${partId}: expected ${expected}, got ${part.status}`);
          const needle = hostile.definition.messages?.[partId];
          if (needle !== undefined) {
            const text = part.tests
              .map((t) => testText(t))
              .join('\n')
              .toLowerCase();
            if (!text.includes(needle.toLowerCase())) problems.push(`part ${partId}: no message containing '${needle}'`);
          }
        }
        const someFail = Object.values(hostile.definition.expect).some((e) => e === 'fail');
        if (someFail && run.exitCode === 0) problems.push('exit code 0 although parts failed');
        if (!someFail && run.exitCode !== 0) problems.push(`exit code ${run.exitCode} although every part passed`);
        if (run.durationMs > maxSeconds * 1000) problems.push(`took ${Math.round(run.durationMs / 1000)} s`);
        if (run.output.includes(canary) || JSON.stringify(result ?? {}).includes(canary)) problems.push('the canary leaked into the output or results');
        const leftover = findSandboxes(runId);
        if (leftover.length > 0) problems.push(`${leftover.length} process(es) left running`);
        if (result !== undefined) {
          const lastLine = run.output.trimEnd().split('\n').pop() ?? '';
          if (lastLine !== formatCounts(result)) problems.push(`last line is '${lastLine.slice(0, 60)}', not the grader's '${formatCounts(result)}'`);
        }
        const outcome = ex?.parts.map((p) => `${p.id}:${p.status === 'passed' ? '✓' : p.status === 'failed' ? '✗' : '—'}`).join(' ') ?? '';
        return {
          ok: problems.length === 0,
          row: [
            name,
            hostile.definition.category,
            `${outcome} (${(run.durationMs / 1000).toFixed(0)} s)`,
            problems.length === 0 ? 'held' : `NOT HELD: ${problems.join('; ')}`,
          ],
        };
      }).finally(() => rmSync(canaryFile, { force: true }));
      const after = hashTree(watched);
      const changed = [...after.keys()].filter((f) => after.get(f) !== before.get(f));
      const lines = table(
        ['submission', 'category', 'outcome', 'held?'],
        rows.map((r) => r.row),
      );
      if (changed.length > 0) lines.push(`grading files changed during the run: ${changed.join(', ')}`);
      return { ok: rows.every((r) => r.ok) && changed.length === 0, lines };
    },
  };
}
