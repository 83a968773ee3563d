/**
 * Grading configuration: `npm test exercise-NN` runs the graders whose path contains that id, once
 * per tfjs backend — a vitest project each: `cpu` always, `webgpu` when a Vulkan driver works.
 * The course's reporter prints the score table and writes the results file.
 */
import path from 'node:path';
import { defineConfig } from 'vitest/config';
import { detectWebgpu } from './graders/support/backends/detect.ts';
import { loadCourse } from './graders/support/course.ts';
import { repoRoot, stateDir } from './graders/support/paths.ts';
import { shareWithWorkers } from './graders/support/settings.ts';
import { shimFile } from './graders/support/tfjs-shim.ts';

const webgpu = detectWebgpu();
// The run's seed (GRADE_SEED=random resolved once), run id and webgpu adapter, for the reporter and every worker.
const workerEnv = shareWithWorkers(webgpu);
// The webgpu project runs only the graders of exercises with parts on tensors.
const tensorGraders = loadCourse()
  .exercises.filter((e) => e.parts.some((p) => p.tensors === true))
  .map((e) => `graders/${e.folder}/**/*.test.ts`);

// The graders take tfjs through require too (graders/support/tfjs-shim.ts): a worker's ESM import
// of the CommonJS package would run Node's cjs-module-lexer over all of it.
const tfjsThroughRequire = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-webgpu'].flatMap((specifier) => {
  const file = shimFile(repoRoot, path.join(stateDir, 'build'), specifier);
  return file === undefined ? [] : [{ find: new RegExp(`^${specifier}$`), replacement: file }];
});

export default defineConfig({
  resolve: { alias: tfjsThroughRequire },
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
      { extends: true as const, test: { name: 'cpu', include: ['graders/exercise-*/**/*.test.ts'], env: workerEnv.cpu } },
      ...(webgpu.available
        ? [
            {
              extends: true as const,
              test: { name: 'webgpu', include: tensorGraders, env: workerEnv.webgpu },
            },
          ]
        : []),
    ],
  },
});
