/**
 * Builds exercise 02's Part F key from the hidden solution: the salted hash of each layer's right
 * verdict (the solution's `verdicts`) and the feedback for each wrong verdict, keyed by its hash.
 * The construction is the grader's own (grading-verdict-key.ts), which grades from the solution.
 */
import { randomBytes } from 'node:crypto';
import type { VerdictKey } from '../../graders/exercise-02-equivariance/verdicts.ts';
import { solutionVerdictKey } from '../../graders/exercise-02-equivariance/grading-verdict-key.ts';

/** The key for `salt` (a fresh random salt when none is given). */
export function buildVerdictKey(salt = randomBytes(16).toString('hex')): Promise<VerdictKey> {
  return solutionVerdictKey(salt);
}
