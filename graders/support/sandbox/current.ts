/**
 * The one student process of this grader file, configured from the vitest project's environment.
 * vitest isolates files, so each file gets its own; without isolation (`vitest run --no-isolate`,
 * as class grading runs one student's exercises) a closed process is forgotten, so the next file
 * in the same worker starts its own.
 */
import path from 'node:path';
import type { BackendName } from '../backends/detect.ts';
import { repoRoot } from '../paths.ts';
import { Sandbox } from './client.ts';
import { InProcessSandbox } from './in-process.ts';
import { courseBackend, courseWebgpuIcd, gradeIsolation } from '../settings.ts';

/** What graders use: the isolated process, or (benchmark only) the in-process stand-in. */
export type StudentProcess = Pick<Sandbox, 'warm' | 'target' | 'request' | 'requestWithHygiene' | 'restart' | 'close' | 'adapter'>;

let instance: StudentProcess | undefined;

/** The backend this vitest project grades (COURSE_BACKEND, default cpu). */
export function currentBackend(): BackendName {
  return courseBackend.read();
}

/**
 * This file's sandbox, created on first use (not started until warmed or asked).
 * `GRADE_ISOLATION=off` (benchmark only) runs the student's code in this process instead.
 */
export function currentSandbox(): StudentProcess {
  if (gradeIsolation.read() === 'off') {
    instance ??= forgetOnClose(new InProcessSandbox(currentBackend()));
    return instance;
  }
  instance ??= forgetOnClose(
    new Sandbox({
      backend: currentBackend(),
      icd: courseWebgpuIcd.read(),
      readable: [path.join(repoRoot, 'datasets')],
    }),
  );
  return instance;
}

/** `made`, whose close() also clears this file's instance (its build folder is gone after it). */
function forgetOnClose<T extends StudentProcess>(made: T): T {
  const close = made.close.bind(made);
  made.close = async () => {
    await close();
    if (instance === made) instance = undefined;
  };
  return made;
}
