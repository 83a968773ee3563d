/**
 * Entry point of the student's process (compiled once to .grade/build/runner-<hash>.mjs).
 */
import { startRunner } from './runner.ts';

await startRunner();
