/**
 * Grading a proof by property (Parts C and D) by mutation: the student's property is run by the
 * driver, in the student's process, on one op of the hidden zoo at a time (fc.check, the grader's
 * seed, fast-check's default 100 runs). Here, in the grader's process:
 *
 * - an op that has the property must pass (fast-check finds nothing);
 * - an op that lacks it must fail, and the failure must be real: among the images the op
 *   received in the failing run there must be x and translate(x, dy, dx) for which the grader's
 *   own evaluation of the op breaks the law (or, for equivariance, the op changes the size) —
 *   so a property that always fails, or a faked failure, earns nothing.
 *
 * Failures name the op (never its code) and show what the student needs: their counterexample and
 * how close the two sides really were, or a counterexample the grader found itself.
 */
import type { ExerciseGrader } from '../support/exercise.ts';
import { GradeFailure, type Section } from '../support/failure.ts';
import { SandboxFault } from '../support/sandbox/client.ts';
import { formatDense, formatNumber, formatValue } from '../support/format.ts';
import { unflatten } from '../support/compare.ts';
import { isWireNd, type Dense, type Wire } from '../support/sandbox/wire.ts';
import { propertySeed } from '../support/seed.ts';
import type { ProofReport, ProofRequest } from './driver.ts';
import { checkPropertyOp } from './protocol.ts';
import { callDriver } from '../support/sandbox/driver-protocol.ts';
import { acceptedNoise, findEvidence, pairsInLog, type Law, type Pair } from './evidence.ts';
import { sameShape } from './images.ts';
import { findWitness } from './witness.ts';
import type { ZooEntry } from './zoo.ts';

/** fast-check's default run count: what a property must find its counterexample within. */
export const runs = 100;

interface LawText {
  fn: 'equivarianceProperty' | 'invarianceProperty';
  adjective: string;
  /** The law, written out. */
  statement: string;
  /** The two sides, as labels. */
  left: string;
  right: string;
}

const laws: Record<Law, LawText> = {
  equivariance: {
    fn: 'equivarianceProperty',
    adjective: 'equivariant',
    statement: 'op(translate(x, dy, dx)) = translate(op(x), dy, dx) for every image x and shift',
    left: 'op(translate(x, dy, dx))',
    right: 'translate(op(x), dy, dx)',
  },
  invariance: {
    fn: 'invarianceProperty',
    adjective: 'invariant',
    statement: 'op(translate(x, dy, dx)) = op(x) for every image x and shift',
    left: 'op(translate(x, dy, dx))',
    right: 'op(x)',
  },
};

const sizeText = (entry: ZooEntry): string => `${entry.size.height}×${entry.size.width}`;

/** The test's name: what the property must do with this op. */
function proofTestName(law: Law, entry: ZooEntry): string {
  const text = laws[law];
  return entry.expect === 'pass'
    ? `passes for an ${text.adjective} op: ${entry.name} (${sizeText(entry)})`
    : `fails for an op that is not ${text.adjective}: ${entry.name} (${sizeText(entry)})`;
}

/** Milliseconds (on cpu) a property may take for one op: a correct one needs well under a second. */
const timeoutMs = 10_000;

/** The first op for which a law's property did not answer: later ops of that law fail at once. */
const hung = new Map<Law, string>();

/** Declares the test of one zoo op in the current part. */
export function proofTest(ex: ExerciseGrader, law: Law, entry: ZooEntry): void {
  const name = proofTestName(law, entry);
  ex.test(name, async () => {
    const text = laws[law];
    const earlier = hung.get(law);
    if (earlier !== undefined) {
      throw new GradeFailure(`not run: your ${text.fn} did not finish for an earlier op (${earlier}) within ${timeoutMs / 1000} s; make it finish first.`);
    }
    const request: ProofRequest = {
      fn: text.fn,
      spec: entry.spec,
      size: entry.size,
      seed: propertySeed(`${ex.exercise.id} ${law} ${entry.name}`),
      numRuns: runs,
      maxLog: 128,
    };
    let report: ProofReport;
    try {
      report = await callDriver(ex, checkPropertyOp, request, { timeoutMs, label: text.fn });
    } catch (error) {
      if (error instanceof SandboxFault && error.kind === 'timeout') hung.set(law, entry.name);
      throw error;
    }
    judge(law, entry, report, request.seed);
  });
}

function judge(law: Law, entry: ZooEntry, report: ProofReport, seed: number): void {
  const text = laws[law];
  const subject = `your ${text.fn}, given ${entry.name} on ${sizeText(entry)} images,`;
  if (report.misuse !== undefined) {
    throw new GradeFailure(`${subject} misused op: ${report.misuse}. Draw images of exactly size.height × size.width: the op is defined for that size only.`);
  }
  if (report.outcome === 'no-property') {
    throw new GradeFailure(`${text.fn} returned ${report.message}, not a fast-check property: return fc.property(…arbitraries, predicate).`);
  }
  if (report.outcome === 'crashed') {
    throw new GradeFailure(
      `${subject} could not be run: fc.check threw ${report.message}. A property must fail (return false or throw inside its predicate), not crash while drawing values.`,
    );
  }
  if (report.outcome === 'failed' && /Remove this line and implement/.test(report.message)) {
    throw new GradeFailure(`${subject} failed because it calls a function that is not implemented yet (${report.message}). Implement that part first.`);
  }
  const log = report.log.filter(isWireNd).map((w) => w.$nd);
  if (entry.expect === 'pass') {
    if (report.outcome === 'passed') return;
    throw new GradeFailure(`${subject} failed, but that op IS ${text.adjective}: ${text.statement}.`, [
      ...counterexampleSections(report),
      ...explainRejection(law, entry, log, report.logTotal),
    ]);
  }
  if (report.outcome === 'passed') {
    throw new GradeFailure(
      `${subject} passed ${report.numRuns} runs, but that op is NOT ${text.adjective}: it should have found a counterexample.`,
      witnessSections(law, entry, seed),
    );
  }
  const evidence = findEvidence(law, entry.spec, log);
  if (evidence !== undefined) return;
  throw new GradeFailure(
    `${subject} failed — rightly, the op is not ${text.adjective} — but its failing run shows no violation: ` +
      `among the ${report.logTotal} image(s) op received in that run there are no x and translate(x, dy, dx, 'circular') with ` +
      `${text.left} and ${text.right} apart by more than float noise (${acceptedNoise} relative)${law === 'equivariance' ? ', nor an output of another size' : ''}. ` +
      'A property must fail because the two sides really differ, not for another reason.',
    [...counterexampleSections(report), ...explainFalseAlarm(law, entry, log, report.logTotal)],
  );
}

/** What the images of a failing run without a real violation show: the closest call, or why there is no pair. */
function explainFalseAlarm(law: Law, entry: ZooEntry, log: Dense[], total: number): Section[] {
  const pairs = pairsInLog(law, entry.spec, log);
  if (pairs.length === 0) {
    return [
      ...logSections(log, total),
      { label: 'note', body: "no two of these images are x and translate(x, dy, dx, 'circular'): call op on x and on the circularly shifted x in every run." },
    ];
  }
  const widest = pairs.reduce((a, b) => (b.gap > a.gap ? b : a));
  const how =
    widest.gap === 0
      ? 'the two sides are identical: whatever made your property fail, it was not the op.'
      : `the largest gap is ${widest.gap.toExponential(1)} relative to max(1, |a|, |b|): float noise, which a property must accept (README: up to ${acceptedNoise}).`;
  return [
    { label: 'in that run op received x and translate(x, dy, dx); the grader recomputed both sides', body: `\n${renderPair(law, widest)}` },
    { label: 'so', body: how },
  ];
}

/** A student value from the report, readable: ndarrays as matrices, tuples by index, records by key. */
function showValue(value: Wire, depth = 0): string {
  if (isWireNd(value)) return formatDense(value.$nd);
  const entries: [string, Wire][] | undefined = Array.isArray(value)
    ? value.map((item, i): [string, Wire] => [`[${i}]`, item])
    : value !== null && typeof value === 'object' && !('$tensor' in value) && depth < 3
      ? Object.entries(value).map(([key, item]): [string, Wire] => [`${key}:`, item])
      : undefined;
  if (entries === undefined) return formatValue(value);
  return entries.map(([label, item]) => `${label} ${showValue(item, depth + 1).replace(/\n/g, '\n  ')}`).join('\n');
}

function counterexampleSections(report: ProofReport): Section[] {
  const sections: Section[] = [{ label: 'your property failed with', body: report.message || '(no message)' }];
  const shrinks = report.numShrinks > 0 ? `, shrunk ${report.numShrinks} times` : '';
  if (report.counterexample !== undefined)
    sections.push({ label: `fast-check's counterexample (after ${report.numRuns} run(s)${shrinks})`, body: showValue(report.counterexample) });
  else if (report.counterexampleText !== undefined)
    sections.push({ label: `fast-check's counterexample (after ${report.numRuns} run(s)${shrinks})`, body: report.counterexampleText });
  return sections;
}

function logSections(log: Dense[], total: number): Section[] {
  if (total === 0) return [{ label: 'op received', body: 'nothing: the failing run never called op' }];
  const shown = log
    .slice(0, 2)
    .map((x, i) => `[${i}] ${formatDense(x)}`)
    .join('\n');
  return [{ label: `op received ${total} image(s) in that run${total > 2 ? ', the first two' : ''}`, body: shown }];
}

/** Where two same-shape arrays differ most, relative to max(1, |a|, |b|), as text. */
function largestGap(left: Dense, right: Dense): string {
  if (!sameShape(left.shape, right.shape)) return `the shapes differ: [${left.shape.join(', ')}] and [${right.shape.join(', ')}]`;
  let worst = -1;
  let at = 0;
  left.data.forEach((a, i) => {
    const b = right.data[i];
    const gap = Math.abs(a - b) / Math.max(1, Math.abs(a), Math.abs(b));
    if (!(gap <= worst)) [worst, at] = [Number.isNaN(gap) ? Infinity : gap, i];
  });
  if (worst <= 0) return 'nowhere: the two sides are identical';
  return `at [${unflatten(at, left.shape).join(', ')}]: ${formatNumber(left.data[at])} and ${formatNumber(right.data[at])} (relative gap ${worst.toExponential(1)})`;
}

function pairSections(law: Law, pair: Pair): Section[] {
  const text = laws[law];
  return [
    { label: 'x', body: formatDense(pair.x) },
    { label: 'shift', body: `dy = ${pair.dy}, dx = ${pair.dx}` },
    { label: text.left, body: formatDense(pair.left) },
    { label: text.right, body: formatDense(pair.right) },
    { label: 'they differ most', body: largestGap(pair.left, pair.right) },
  ];
}

/** Why a property's rejection of a good op is wrong, from the images op received in the failing run. */
function explainRejection(law: Law, entry: ZooEntry, log: Dense[], total: number): Section[] {
  const pairs = pairsInLog(law, entry.spec, log, (p) => p.dy !== 0 || p.dx !== 0);
  const pair = pairs.find((p) => p.dy !== 0 || p.dx !== 0) ?? pairs[0];
  if (pair === undefined) {
    return [
      ...logSections(log, total),
      {
        label: 'note',
        body:
          "no two of these images are x and translate(x, dy, dx, 'circular'): does your property shift with mode 'circular' (a 'zero' shift is not a symmetry of the op), " +
          'and call op on x and on the shifted x in the same run?',
      },
    ];
  }
  const how =
    pair.gap === 0
      ? law === 'equivariance'
        ? 'the two sides are identical, so the failure came from elsewhere in your property: its comparison, or the shift it applied to op(x) (the same circular shift, same dy and dx, as the one applied to x).'
        : 'the two sides are identical, so the failure came from elsewhere in your property: its comparison, or a shift applied to op(x) (invariance compares op(translate(x)) with op(x) itself).'
      : pair.gap <= acceptedNoise
        ? `the two sides differ by ${formatNumber(pair.gap)} relative to max(1, |a|, |b|): float rounding. Compare with a tolerance that accepts at least ${acceptedNoise} relative (the README's rule).`
        : `the two sides differ by ${formatNumber(pair.gap)} relative — more than float noise. Check your translate (Part A).`;
  return [
    { label: 'in that run op received x and translate(x, dy, dx); the grader recomputed both sides', body: `\n${renderPair(law, pair)}` },
    { label: 'so', body: how },
  ];
}

function renderPair(law: Law, pair: Pair): string {
  return pairSections(law, pair)
    .map((s) => `${s.label}: ${s.body}`)
    .join('\n');
}

/** A counterexample found by the grader, for a property that accepted an op that breaks the law. */
function witnessSections(law: Law, entry: ZooEntry, seed: number): Section[] {
  const witness = findWitness(law, entry.spec, entry.size, seed);
  if (witness === undefined) {
    throw new Error(
      `grader: no counterexample found for the non-${laws[law].adjective} op '${entry.name}' — the zoo's parameters are degenerate for this seed`,
    );
  }
  if (witness.kind === 'resize') {
    return [
      { label: 'for example', body: `op turns a ${entry.size.height}×${entry.size.width} image into [${witness.output.shape.join(', ')}]` },
      {
        label: 'why that fails',
        body: 'an equivariant op keeps the size: translate(op(x), dy, dx) must be a shift of an image of the same size. Your property must fail when op(x) has another shape, not compare what overlaps.',
      },
    ];
  }
  return [{ label: 'a counterexample it should have found', body: `\n${renderPair(law, witness.pair)}` }];
}
