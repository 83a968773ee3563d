/**
 * Part C — equivarianceProperty, graded by mutation: it must pass for every equivariant op of the
 * hidden zoo and fail, for a real reason, for every op that is not (see proof.ts and zoo.ts).
 */
import type { ExerciseGrader } from '../support/exercise.ts';
import { propertySeed } from '../support/seed.ts';
import { proofTest } from './proof.ts';
import { checkedZoo } from './zoo.ts';

export function gradePartC(ex: ExerciseGrader): void {
  ex.part('C', () => {
    for (const entry of checkedZoo('equivariance', propertySeed(`${ex.exercise.id} C zoo`))) proofTest(ex, 'equivariance', entry);
  });
}
