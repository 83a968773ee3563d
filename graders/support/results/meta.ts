/**
 * What the course keeps in vitest's task meta, which vitest serialises from the test's worker to
 * the reporter: the part a test belongs to (set by `ex.part`, inherited by its tests) and, when
 * a test fails with a GradeFailure, that failure as data. Nothing is read back from titles or
 * messages.
 */
import type { FailureData } from './model.ts';

declare module 'vitest' {
  interface TaskMeta {
    /** The exercise whose part this is (course.json id). */
    exerciseId?: string;
    /** The part's id in course.json. */
    partId?: string;
    /** The failure of a test that failed with a GradeFailure. */
    failure?: FailureData;
  }
}
