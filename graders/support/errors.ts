/**
 * Judging error messages: an invalid argument must produce an `Error` (any subclass) whose
 * message says what was given — the offending value must appear in it — so that the person who
 * passed it can fix their call.
 */
import { GradeFailure } from './failure.ts';
import type { Thrown } from './sandbox/wire.ts';

/** Something a message must mention: a string, or a list of acceptable alternatives. */
export type Mention = string | string[];

/**
 * Fails unless `thrown` is an Error whose message mentions every entry of `mentions`
 * (case-insensitive; an entry that is a list is satisfied by any of its alternatives), e.g. the
 * value given and the parameter's name.
 *
 * @example expectInformative('outputSize', 'for padding -1', thrown, ['-1', 'padding'])
 */
export function expectInformative(fn: string, situation: string, thrown: Thrown, mentions: Mention[]): void {
  if (!thrown.isError) {
    throw new GradeFailure(`${fn} threw a non-Error value (${thrown.message}) ${situation}; throw new Error('…') with a message instead.`);
  }
  const message = thrown.message.toLowerCase();
  const missing = mentions.filter((m) => !(Array.isArray(m) ? m : [m]).some((alt) => message.includes(alt.toLowerCase())));
  if (missing.length > 0) {
    const names = missing.map((m) => (Array.isArray(m) ? m.map((a) => `'${a}'`).join(' or ') : `'${m}'`));
    throw new GradeFailure(
      `${fn} threw ${situation}, but its message does not say what was given: it should mention ${names.join(' and ')}.`,
      [{ label: 'your message', body: thrown.message || '(empty)' }],
    );
  }
}
