/**
 * Reading a results file (the course's RunResult) for the exports: a missing or unreadable file
 * is not an exception but "no result", which every export turns into a valid zero with a reason.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { RunResult } from '../../graders/support/results/model.ts';

/** A results file's run, or why there is none. */
export function readRun(file: string): { run: RunResult | undefined; problem: string | undefined } {
  if (!existsSync(file)) return { run: undefined, problem: `no results file at ${file}` };
  try {
    const run = JSON.parse(readFileSync(file, 'utf8')) as RunResult;
    if (run?.schema !== 'cnn-course/result/v1' || !Array.isArray(run.exercises)) {
      return { run: undefined, problem: `${file} is not a course results file (expected schema cnn-course/result/v1)` };
    }
    return { run, problem: undefined };
  } catch (error) {
    return { run: undefined, problem: `${file} is not valid JSON (${(error as Error).message})` };
  }
}
