import { defineConfig } from 'vitest/config';

/**
 * The repository's own unit tests (`*.spec.ts`): the harness, datasets, tools.
 * Graders (`graders/**\/*.test.ts`) are run by `vitest.config.ts` instead.
 */
export default defineConfig({
  test: {
    include: ['{datasets,graders/support,tools}/**/*.spec.ts'],
    testTimeout: 120_000,
  },
});
