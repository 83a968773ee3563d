/**
 * Judging a model's layer order: its data-flow path (graph.ts) against the spec's, reported as
 * both paths and the first step where they part.
 */
import { GradeFailure } from '../support/failure.ts';
import { flatten, formatPath, pathOf, type Graph, type Step } from './graph.ts';

/** Fails unless the graph's path is `expected`, token for token. */
export function expectPath(graph: Graph, expected: Step[], what: string): void {
  const path = pathOf(graph);
  const got = flatten(path);
  const want = flatten(expected);
  const at = want.findIndex((token, i) => got[i] !== token);
  const first = at >= 0 ? at : got.length > want.length ? want.length : -1;
  if (first < 0) return;
  const describe = (token: string | undefined): string => (token === undefined ? 'the end of the path' : `'${token}'`);
  throw new GradeFailure(
    `${what}: the layers along the data flow differ from the spec at step ${first + 1}: expected ${describe(want[first])}, got ${describe(got[first])}.`,
    [
      { label: 'got     ', body: formatPath(path) },
      { label: 'expected', body: formatPath(expected) },
      {
        label: 'reading the path',
        body: "convK×K/S[F] = conv2d with a K×K kernel, strides S, F filters, 'same' padding (other padding is written out, except on a 1×1 kernel, where 'valid' and 'same' compute the same); add( main | shortcut ) = an Add of two branches that leave the same tensor; identity = the branch is that tensor itself",
      },
    ],
  );
}
