import { describe, expect, it } from 'vitest';
import { loadCourse } from '../../../graders/support/course.ts';
import { repoRoot } from '../../../graders/support/paths.ts';
import { batchArgs } from './grade-batches.ts';
import { batchPattern, gradedParts, partSuiteName } from './graded-parts.ts';
import { batchMutants, loadMutantJobs, type MutantJob } from './mutant-batches.ts';

const course = loadCourse();
const jobs = await loadMutantJobs(repoRoot, course.exercises);
const batches = batchMutants(jobs);
/** Every part of the course as vitest names its tests: the part's describe block, a space, a test's name. */
const everyPart = course.exercises.flatMap((exercise) => exercise.parts.map((part) => ({ exercise, part, name: partSuiteName(exercise, part.id) })));

describe('gradedParts: the parts a mutant is judged on', () => {
  const exercise = course.exercises[0];
  const job = (targets: string[], exactly?: boolean): MutantJob => ({ exercise, name: 'm', definition: { description: 'd', targets, edits: [], exactly } });

  it('is its targets, in course order', () => {
    const [first, , third] = exercise.parts.map((p) => p.id);
    expect(gradedParts(job([third, first]))).toEqual([first, third]);
  });

  it('is every part of the exercise for an exact mutant (only-the-targets needs them all)', () => {
    expect(gradedParts(job([exercise.parts[1].id], true))).toEqual(exercise.parts.map((p) => p.id));
  });

  it('refuses a target that is no part of the exercise, naming the parts there are', () => {
    expect(() => gradedParts(job(['Z']))).toThrow(
      `mutant ${exercise.id}/m targets Z: expected parts of ${exercise.id} (${exercise.parts.map((p) => p.id).join(',')})`,
    );
  });
});

describe("batchPattern over the course's real part names and mutants", () => {
  it("no part's name begins another part's name, in any exercise: an anchored name selects its own part only", () => {
    const clashes = everyPart.flatMap((a) => everyPart.filter((b) => a !== b && b.name.startsWith(a.name)).map((b) => `${a.name} / ${b.name}`));
    expect(clashes).toEqual([]);
  });

  it('selects, in every batch, exactly the graded parts of its exercises and nothing of another exercise', () => {
    expect(batches.length).toBeGreaterThan(0);
    for (const batch of batches) {
      const pattern = new RegExp(batchPattern(batch)); // as vitest reads -t
      const selected = everyPart.filter((p) => pattern.test(`${p.name} a test's name`)).map((p) => `${p.exercise.id}/${p.part.id}`);
      const graded = batch.jobs.flatMap((job) => gradedParts(job).map((id) => `${job.exercise.id}/${id}`));
      expect(selected.sort()).toEqual(graded.sort());
    }
  });

  it('grades fewer parts than the whole exercises, and every part of exact mutants', () => {
    const graded = jobs.reduce((n, job) => n + gradedParts(job).length, 0);
    const all = jobs.reduce((n, job) => n + job.exercise.parts.length, 0);
    expect(graded).toBeLessThan(all);
    for (const job of jobs.filter((j) => j.definition.exactly === true)) expect(gradedParts(job)).toHaveLength(job.exercise.parts.length);
  });

  it('escapes the names (brackets, dots) and needs the space before the test name', () => {
    const part = everyPart.find((p) => p.name.includes('('));
    expect(part).toBeDefined();
    const batch = { backends: ['cpu'], jobs: [{ exercise: part!.exercise, name: 'm', definition: { description: 'd', targets: [part!.part.id], edits: [] } }] };
    const pattern = new RegExp(batchPattern(batch));
    expect(pattern.test(`${part!.name} a test`)).toBe(true);
    expect(pattern.test(part!.name)).toBe(false);
    expect(pattern.test(`x ${part!.name} a test`)).toBe(false);
    expect(batchArgs(batch)).toEqual(['--no-isolate', '-t', batchPattern(batch)]);
  });

  it('refuses an empty batch', () => {
    expect(() => batchPattern({ backends: ['cpu'], jobs: [] })).toThrow('expected a batch with at least one mutant, got none');
  });
});
