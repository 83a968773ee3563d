/**
 * Reading wire results of exercise 02: the harness's readers (graders/support/read-wire.ts),
 * shared with exercise 01.
 */
export { expectNd, referenceNd } from '../support/read-wire.ts';
