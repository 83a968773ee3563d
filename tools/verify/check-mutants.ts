/**
 * Step: every mutant loses points on at least one part it targets. Prints mutant → the parts
 * (and the first test) that caught it.
 */
import { cpus } from 'node:os';
import { loadCourse } from '../../graders/support/course.ts';
import { gradeRun, inPool } from '../lib/grade-run.ts';
import { loadMutants } from '../lib/mutants.ts';
import { table, type Step } from './step.ts';

export function mutantsStep(only?: string[]): Step {
  return {
    name: 'mutants are rejected',
    async run() {
      const course = loadCourse();
      const exercises = course.exercises.filter((e) => only === undefined || only.includes(e.id));
      const jobs = (await Promise.all(exercises.map(async (e) => (await loadMutants(e)).map((m) => ({ exercise: e, mutant: m }))))).flat();
      const rows = await inPool(jobs, Math.max(1, cpus().length), async ({ exercise, mutant }) => {
        const run = await gradeRun({ target: mutant.target, exercises: [exercise.id], backends: mutant.definition.backends ?? ['cpu'] });
        const result = run.result?.exercises.find((e) => e.id === exercise.id);
        if (result === undefined) return { ok: false, row: [exercise.id, mutant.name, mutant.definition.targets.join(','), 'NO RESULT', run.output.split('\n').slice(-3).join(' ')] };
        const lost = result.parts.filter((p) => p.score < p.maxScore && p.status === 'failed');
        const caught = lost.filter((p) => mutant.definition.targets.includes(p.id));
        const exact = !mutant.definition.exactly || (caught.length === mutant.definition.targets.length && lost.length === caught.length);
        const firstTest = caught.flatMap((p) => p.tests.filter((t) => t.status === 'failed').map((t) => `${p.id}: ${t.name}`))[0] ?? '';
        return {
          ok: caught.length > 0 && exact,
          row: [
            exercise.id,
            mutant.name,
            mutant.definition.targets.join(','),
            caught.length === 0 ? 'NOT CAUGHT' : exact ? `rejected by ${lost.map((p) => p.id).join(',')}` : `WRONG PARTS: lost ${lost.map((p) => p.id).join(',')}`,
            firstTest.slice(0, 70),
          ],
        };
      });
      const lines = table(['exercise', 'mutant', 'targets', 'outcome', 'first failing test'], rows.map((r) => r.row));
      return { ok: rows.every((r) => r.ok) && rows.length > 0, lines };
    },
  };
}
