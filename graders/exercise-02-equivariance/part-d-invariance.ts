/**
 * Part D — invarianceProperty, graded by mutation: it must pass for every invariant op of the
 * hidden zoo and fail, for a real reason, for every op that is not (see proof.ts and zoo.ts).
 */
import type { ExerciseGrader } from '../support/exercise.ts';
import { propertySeed } from '../support/seed.ts';
import { proofTest } from './proof.ts';
import { checkedZoo } from './zoo.ts';

export function gradePartD(ex: ExerciseGrader): void {
  ex.part('D', () => {
    for (const entry of checkedZoo('invariance', propertySeed(`${ex.exercise.id} D zoo`))) proofTest(ex, 'invariance', entry);
  });
}
