import { availableParallelism } from 'node:os';
import { configDefaults, defineConfig } from 'vitest/config';

/** Specs that run the real commands on a copy of the repository: minutes, not seconds. */
const endToEnd = [
  'tools/student/student-loop.spec.ts',
  'tools/grade/class/grade-class.spec.ts',
  'tools/grade/class/hostile-class.spec.ts',
  'tools/goldens/goldens.spec.ts',
];

/**
 * The repository's own unit tests (`*.spec.ts`): the harness, datasets, tools.
 * Graders (`graders/**\/*.test.ts`) are run by `vitest.config.ts` instead.
 *
 * Two projects: `unit` (seconds; `npm run spec`) and `e2e` (the end-to-end specs, minutes;
 * `npm run spec:e2e`). Without `--project`, as verify runs it, both run.
 */
export default defineConfig({
  test: {
    testTimeout: 120_000,
    // vitest's default, cores − 1, is one worker on 2 cores: the end-to-end specs, which mostly
    // wait on the processes they start, would run one after another.
    maxWorkers: Math.max(2, availableParallelism() - 1),
    // A test that asserts nothing cannot fail: vitest fails it instead.
    expect: { requireAssertions: true },
    projects: [
      { extends: true, test: { name: 'unit', include: ['{datasets,graders/support,tools}/**/*.spec.ts'], exclude: [...configDefaults.exclude, ...endToEnd] } },
      { extends: true, test: { name: 'e2e', include: endToEnd } },
    ],
  },
});
