/**
 * Grading configuration: `npm test exercise-NN` runs the graders whose path contains that id, once
 * per tfjs backend — a vitest project each: `cpu` always, `webgpu` when a Vulkan driver works.
 * The course's reporter prints the score table and writes the results file.
 */
import { randomInt, randomUUID } from 'node:crypto';
import { defineConfig } from 'vitest/config';
import { detectWebgpu } from './graders/support/backends/detect.ts';
import { loadCourse } from './graders/support/course.ts';

const webgpu = detectWebgpu();
// GRADE_SEED=random is resolved once here so every worker and the header agree on it.
if (process.env.GRADE_SEED === 'random') process.env.GRADE_SEED = String(randomInt(2 ** 31));
if (webgpu.available) process.env.COURSE_WEBGPU_ADAPTER = webgpu.adapter;
else process.env.COURSE_WEBGPU_REASON = webgpu.reason;

// One id per grading run marks its student processes, so the reporter can make sure none is left.
process.env.GRADE_RUN_ID ??= randomUUID();
// The webgpu project runs only the graders of exercises with parts on tensors.
const tensorGraders = loadCourse()
  .exercises.filter((e) => e.parts.some((p) => p.tensors === true))
  .map((e) => `graders/${e.folder}/**/*.test.ts`);

const shared = { GRADE_SEED: process.env.GRADE_SEED ?? '', GRADE_RUN_ID: process.env.GRADE_RUN_ID };

export default defineConfig({
  test: {
    reporters: ['./graders/support/reporter.ts'],
    // Each student call has its own time limit (see graders/support/exercise.ts); these only
    // catch a grader that is itself stuck.
    testTimeout: 300_000,
    hookTimeout: 120_000,
    teardownTimeout: 10_000,
    // Transformed graders are cached on disk between runs: a student's second run skips the work.
    experimental: { fsModuleCache: true, fsModuleCachePath: '.grade/vitest-cache' },
    projects: [
      // Each project names its own files: with `extends`, a root `include` would be merged into both.
      { extends: true as const, test: { name: 'cpu', include: ['graders/exercise-*/**/*.test.ts'], env: { ...shared, COURSE_BACKEND: 'cpu' } } },
      ...(webgpu.available
        ? [
            {
              extends: true as const,
              test: { name: 'webgpu', include: tensorGraders, env: { ...shared, COURSE_BACKEND: 'webgpu', COURSE_WEBGPU_ICD: webgpu.icd ?? '' } },
            },
          ]
        : []),
    ],
  },
});
