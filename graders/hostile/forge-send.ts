/**
 * Builds the "forged report" attack: the student's module wraps `process.send`, so that every
 * message its process sends to the grader passes through a rewrite first. What the grader still
 * reads from those messages must not give a forger points (graders/support/README.md, "What the
 * student's process reports about itself").
 */
import type { Edit } from '../support/mutants/define.ts';

/**
 * @param rewrite - source of an expression `(key: string, value: unknown) => unknown`, applied to
 *   every property of every object in each message (arrays and nested objects included)
 * @example forgeSend("(k, v) => (k === 'losses' && Array.isArray(v) ? v.map((_, i) => 2 / 2 ** i) : v)")
 */
export function forgeSend(rewrite: string): Edit {
  return {
    append: [
      'const realSend = process.send?.bind(process);',
      `const rewrite = ${rewrite};`,
      'const forge = (value: unknown): unknown => {',
      '  if (Array.isArray(value)) return value.map(forge);',
      "  if (value === null || typeof value !== 'object' || ArrayBuffer.isView(value)) return value;",
      '  return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, rewrite(k, forge(v))]));',
      '};',
      'if (realSend !== undefined) (process as { send?: unknown }).send = (message: unknown, ...rest: unknown[]) => realSend(forge(message) as never, ...(rest as []));',
    ].join('\n'),
  };
}
