import { describe, expect, it } from 'vitest';
import { exportedFunctionBodies, minifyTs } from './function-bodies.ts';

const bodies = (source: string) => exportedFunctionBodies(minifyTs(source)!);

describe('exported function bodies', () => {
  it('finds exported declarations and arrow constants, not private helpers', () => {
    const source = `
      /** Doc. */
      export function square(x: number): number {
        // a comment
        return x * x;
      }
      export const cube = (x: number): number => { return x * x * x; };
      export const twice = async x => { return 2 * x; };
      function helper(a: string) { return a.trim(); }
    `;
    expect(bodies(source).sort()).toEqual(['return 2*x', 'return x*x', 'return x*x*x']);
  });

  it('survives reformatting, comments and type annotations', () => {
    const a = 'export function f(xs: number[]): number {\n  let s = 0;\n  for (const x of xs) s += x; // sum\n  return s;\n}';
    const b = 'export function f(xs){let s=0;for(const x of xs)s+=x;return s}';
    expect(bodies(a)).toEqual(bodies(b));
  });

  it('matches braces across strings, templates and regular expressions', () => {
    const source = 'export function f(s: string) { const r = /[}{]/g; return `${s}}` + "{" + s.replace(r, "}"); }';
    expect(bodies(source)).toEqual(['const r=/[}{]/g;return`${s}}{`+s.replace(r,"}")']);
  });

  it('keeps only bodies of the minimum length', () => {
    expect(exportedFunctionBodies(minifyTs('export function f(){return 1}')!, 20)).toEqual([]);
  });

  it('returns undefined for code that does not parse', () => {
    expect(minifyTs('export function (')).toBeUndefined();
  });
});
