/**
 * Mutants and hostile submissions are written as edits of the reference solution: a realistic
 * mistake is usually a one-line change, and an edit that no longer applies (because the solution
 * changed) fails loudly instead of silently testing nothing. `npm run verify` materialises each
 * one as a folder laid out like exercises/ and grades it.
 */

/** One textual edit of the solution's entry file. */
export type Edit =
  /**
   * Replace `find`, which must occur exactly once (or everywhere with `all`) — within the
   * `export function` named by `in`, when given.
   */
  | { find: string; replace: string; all?: boolean; in?: string }
  /** Replace the whole `export function name(…) {…}` block (ending at the first `}` in column 0). */
  | { replaceFunction: string; with: string }
  /** Add text at the end of the file (helpers, or code that runs at import time). */
  | { append: string }
  /** Add text at the start of the file (imports). */
  | { prepend: string };

/** A realistic wrong solution that the graders must reject. */
export interface Mutant {
  /** What a student got wrong, in a sentence. */
  description: string;
  /** The parts it is meant to fail; verify fails if none of them loses points. */
  targets: string[];
  edits: Edit[];
  /** Backends to grade it on (default: cpu only). */
  backends?: ('cpu' | 'webgpu')[];
  /** When true, exactly the targeted parts must lose points (e.g. a quiz answer file). */
  exactly?: boolean;
}

/** What a hostile submission must lead to, per part. */
export type Expectation = 'pass' | 'fail';

/** A submission that attacks the grader; each expectation must hold. */
export interface Hostile {
  description: string;
  /** The category of the threat model it covers (e.g. 'exit', 'hang', 'patch-globals'). */
  category: string;
  edits: Edit[];
  /** Expected outcome per part id; parts not listed are not checked. */
  expect: Record<string, Expectation>;
  /** A substring the failure message of a part must contain (case-insensitive). */
  messages?: Record<string, string>;
  /** Extra checks on the whole run, e.g. that no process was left running. */
  checks?: ('no-leftover-processes' | 'results-file-intact' | 'graders-untouched')[];
  backends?: ('cpu' | 'webgpu')[];
}

/** Declares a mutant (identity function, for type checking and readability). */
export function defineMutant(mutant: Mutant): Mutant {
  return mutant;
}

/** Declares a hostile submission. */
export function defineHostile(hostile: Hostile): Hostile {
  return hostile;
}
