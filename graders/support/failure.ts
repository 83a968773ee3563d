/**
 * The one error type graders throw: a sentence saying what went wrong, then labelled sections
 * (the counterexample, got/expected, the student's output, how to replay), the part's hint, and
 * the kind of failure. It travels to the reporter as data ({@link GradeFailure.data}, in vitest's
 * task meta), never as text to be parsed.
 */
import type { FailureData, FailureKind, FailureSection } from './results/model.ts';

/** A section of a failure message: a label and an indented body. */
export type Section = FailureSection;

/** A hint shown with a failure: which part, which level of course.json's hints, its text and the command for more. */
export type FailureHint = NonNullable<FailureData['hint']>;

/** A grading failure, written for the student. */
export class GradeFailure extends Error {
  override name = 'GradeFailure';
  readonly summary: string;
  readonly sections: Section[];
  /** Decided where the failure happens; `wrong` unless the grader says otherwise. */
  kind: FailureKind;
  /** The part's hint, added by the test that failed (exercise.ts). */
  hint: FailureHint | undefined;
  /** The student's process broke (hung, exited, crashed): stop trying further cases. */
  fatal = false;

  constructor(summary: string, sections: Section[] = [], kind: FailureKind = 'wrong') {
    super(renderFailure({ summary, sections }));
    this.summary = summary;
    this.sections = sections;
    this.kind = kind;
  }

  /** The function still throws the stub's 'Remove this line…' error (kind `stub`). */
  get notImplemented(): boolean {
    return this.kind === 'stub';
  }
  set notImplemented(value: boolean) {
    if (value) this.kind = 'stub';
    else if (this.kind === 'stub') this.kind = 'wrong';
  }

  /** The student's module could not be loaded at all: compile error (kind `compile`), import-time fault (kind `setup`). */
  get setup(): boolean {
    return this.kind === 'setup' || this.kind === 'compile';
  }
  set setup(value: boolean) {
    if (value && !this.setup) this.kind = 'setup';
    else if (!value && this.setup) this.kind = 'wrong';
  }

  /** A copy with more sections appended (the property runner adds the case, seed and replay). */
  with(...more: Section[]): GradeFailure {
    const copy = new GradeFailure(this.summary, [...this.sections, ...more], this.kind);
    copy.fatal = this.fatal;
    if (this.hint !== undefined) copy.withHint(this.hint);
    return copy;
  }

  /** Sets the hint shown after the sections; the message follows. */
  withHint(hint: FailureHint | undefined): this {
    this.hint = hint;
    this.message = renderFailure(this.data);
    return this;
  }

  /** The failure as data, as the reporter receives it. */
  get data(): FailureData {
    return { kind: this.kind, summary: this.summary, sections: this.sections, ...(this.hint === undefined ? {} : { hint: this.hint }) };
  }
}

/** The command that shows a part's next hint. */
export function hintCommand(exerciseId: string, partId: string): string {
  return `npm run hint -- ${exerciseId} ${partId}`;
}

/**
 * Sections as text: each label followed by the first line of its body; further lines of the body
 * are indented under it, so nested sections (a counterexample's arrays) stay readable.
 */
export function renderSections(sections: Section[]): string {
  const lines: string[] = [];
  for (const section of sections) {
    const [first, ...rest] = section.body.replace(/\n+$/, '').split('\n');
    lines.push(`${section.label}: ${first}`.trimEnd());
    for (const line of rest) lines.push(`  ${line}`);
  }
  return lines.join('\n');
}

/**
 * A failure as the student reads it: the summary, the sections, then the hint with the command
 * for more. `withHint: false` leaves the hint out (one shared failure of several parts).
 *
 * @example renderFailure({ summary: 'conv2d returned [1].', sections: [{ label: 'expected', body: '[2]' }] }) → 'conv2d returned [1].\nexpected: [2]'
 */
export function renderFailure(failure: Pick<FailureData, 'summary' | 'sections' | 'hint'>, options: { withHint?: boolean } = {}): string {
  const sections = [...failure.sections];
  if (failure.hint !== undefined && options.withHint !== false) {
    sections.push({ label: `Hint (part ${failure.hint.partId})`, body: `${failure.hint.text}\n(more: ${failure.hint.command})` });
  }
  return sections.length === 0 ? failure.summary : `${failure.summary}\n${renderSections(sections)}`;
}
