/**
 * A pool of the live reference's answers shared by several gradings (`GRADE_ANSWERS_DIR`): class
 * grading draws the same cases for every student, so the answer the reference gave while grading
 * one student is looked up, not computed again, while grading the next.
 *
 * The folder holds `<exercise>.<pid>.jsonl` files, one `{ key, value, test }` line per answer (the
 * form `GRADE_RECORD_DIR` writes, so a recording folder is a pool too). Each grader process appends
 * to its own file and reads the others' once per exercise, at its first question.
 *
 * Why a pooled answer is the live answer: a line is written only by the grader's process, with the
 * value the live solution computed there; the student's code runs in another process and can at
 * most steer which inputs are asked (a shrunk counterexample), never the value computed for them.
 * The key hashes the inputs' canonical text (canonical.ts), which is not one-to-one on every value
 * (an object `{ $u: 1 }` and `undefined` share it; `-0` in plain JSON reads back as `0`): so an answer
 * is pooled or taken from the pool only when its inputs (and, to pool it, its value) come back from
 * that text exactly ({@link roundTrips}). Two such inputs with one key are then the same inputs,
 * and the value read back is the value computed, bit for bit. A key with two different values in
 * the pool (a reference that is not deterministic) is never used.
 */
import { appendFileSync, existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fromCanonical, toCanonical } from './canonical.ts';
import type { Wire } from './sandbox/wire.ts';

function sameBytes(a: ArrayBufferView, b: ArrayBufferView): boolean {
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(Buffer.from(b.buffer, b.byteOffset, b.byteLength));
}

/**
 * Whether two wire values are identical: the same typed arrays (kind and bytes: NaN payloads and
 * `-0` included), arrays (holes included), plain objects with the same keys in the same order, and
 * primitives equal by `Object.is`.
 *
 * @example identical({ a: [-0] }, { a: [0] }) → false; identical(Float32Array.of(1), Float64Array.of(1)) → false
 */
export function identical(a: unknown, b: unknown): boolean {
  if (ArrayBuffer.isView(a) || ArrayBuffer.isView(b)) {
    return ArrayBuffer.isView(a) && ArrayBuffer.isView(b) && a.constructor === b.constructor && sameBytes(a, b);
  }
  if (Array.isArray(a) || Array.isArray(b)) {
    if (!(Array.isArray(a) && Array.isArray(b)) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (i in a !== i in b || !identical(a[i], b[i])) return false;
    return true;
  }
  if (a !== null && typeof a === 'object' && b !== null && typeof b === 'object') {
    const plain = (o: object): boolean => [Object.prototype, null].includes(Object.getPrototypeOf(o));
    if (!plain(a) || !plain(b)) return false;
    const keys = Object.keys(a);
    const others = Object.keys(b);
    if (keys.length !== others.length || keys.some((k, i) => k !== others[i])) return false;
    return keys.every((k) => identical((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]));
  }
  return Object.is(a, b);
}

/**
 * Whether `value` comes back from its canonical text exactly (`text`: that text, when already made).
 *
 * @example roundTrips({ $nd: { shape: [1], data: Float64Array.of(-0) } }) → true; roundTrips([-0]) → false; roundTrips({ $u: 1 }) → false
 */
export function roundTrips(value: Wire, text?: string): boolean {
  try {
    return identical(fromCanonical(text ?? toCanonical(value)), value);
  } catch {
    // A value canonical.ts cannot write (an Int16Array, say) is never pooled.
    return false;
  }
}

/** The answers of one exercise in a pool folder: looked up by key, live answers appended. */
export class AnswerPool {
  private entries: Map<string, string> | undefined;
  private readonly conflicts = new Set<string>();
  private readonly own: string;

  /**
   * @param dir the pool folder (created on the first answer kept)
   * @param exercise the exercise id, e.g. `exercise-01`: the files read and written are `<exercise>.*.jsonl`
   */
  constructor(
    private readonly dir: string,
    private readonly exercise: string,
  ) {
    if (!/^[\w-]+$/.test(exercise)) throw new Error(`AnswerPool: expected an exercise id such as exercise-01, got '${exercise}'.`);
    this.own = path.join(dir, `${exercise}.${process.pid}.jsonl`);
  }

  private load(): Map<string, string> {
    const entries = new Map<string, string>();
    const files = existsSync(this.dir) ? readdirSync(this.dir).filter((f) => f.startsWith(`${this.exercise}.`) && f.endsWith('.jsonl')) : [];
    for (const file of files.sort()) {
      // Another grading may be appending: only whole lines count, a torn last line is skipped.
      const lines = readFileSync(path.join(this.dir, file), 'utf8').split('\n').slice(0, -1);
      for (const line of lines) {
        let entry: { key?: unknown; value?: unknown };
        try {
          entry = JSON.parse(line) as typeof entry;
        } catch {
          continue;
        }
        if (typeof entry.key !== 'string' || typeof entry.value !== 'string') continue;
        const previous = entries.get(entry.key);
        if (previous !== undefined && previous !== entry.value) this.conflicts.add(entry.key);
        else entries.set(entry.key, entry.value);
      }
    }
    return entries;
  }

  /**
   * The pooled answer for `key`, asked with inputs `args` (whose canonical text is `argsText`);
   * undefined when the pool has none, or the inputs do not come back from their text exactly.
   *
   * @example pool.lookup(key, args, toCanonical(args)) → { value: { $nd: … } } or undefined
   */
  lookup(key: string, args: Wire, argsText: string): { value: Wire } | undefined {
    this.entries ??= this.load();
    const text = this.entries.get(key);
    if (text === undefined || this.conflicts.has(key) || !roundTrips(args, argsText)) return undefined;
    return { value: fromCanonical(text) };
  }

  /**
   * Pools a live answer for the next gradings (and this one), when inputs and value both come
   * back from their canonical text exactly; `test` names the test that asked (as a recording does).
   */
  keep(key: string, args: Wire, argsText: string, value: Wire, test: string | undefined): void {
    if (!roundTrips(args, argsText)) return;
    const text = (() => {
      try {
        return toCanonical(value);
      } catch {
        return undefined;
      }
    })();
    if (text === undefined || !roundTrips(value, text)) return;
    this.entries ??= this.load();
    const previous = this.entries.get(key);
    if (previous === undefined) this.entries.set(key, text);
    else if (previous !== text) this.conflicts.add(key);
    mkdirSync(this.dir, { recursive: true });
    appendFileSync(this.own, `${JSON.stringify({ key, value: text, test })}\n`);
  }
}
