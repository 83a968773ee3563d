/**
 * The one error type graders throw: a sentence saying what went wrong, then labelled sections
 * (the counterexample, got/expected, the student's output, how to replay, the hint).
 */

/** A section of a failure message: a label and an indented body. */
export interface Section {
  label: string;
  body: string;
}

/** A grading failure, written for the student. */
export class GradeFailure extends Error {
  override name = 'GradeFailure';
  readonly summary: string;
  readonly sections: Section[];
  /** The student's process broke (hung, exited, crashed): stop trying further cases. */
  fatal = false;
  /** The function still throws the stub's 'Remove this line…' error. */
  notImplemented = false;
  /** The student's module could not be loaded at all (compile error, import-time fault). */
  setup = false;

  constructor(summary: string, sections: Section[] = []) {
    super(render(summary, sections));
    this.summary = summary;
    this.sections = sections;
  }

  /** A copy with more sections appended (the property runner adds the case, seed and hint). */
  with(...more: Section[]): GradeFailure {
    const copy = new GradeFailure(this.summary, [...this.sections, ...more]);
    copy.fatal = this.fatal;
    copy.notImplemented = this.notImplemented;
    copy.setup = this.setup;
    return copy;
  }
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

function render(summary: string, sections: Section[]): string {
  return sections.length === 0 ? summary : `${summary}\n${renderSections(sections)}`;
}
