/**
 * Function bodies of TypeScript source, in a normal form that survives reformatting, comments
 * and type annotations: esbuild strips the types and comments and minifies the whitespace (names
 * are kept), then every `function …(…){…}` and `(…)=>{…}` body is cut out by matching brackets,
 * skipping strings, template literals and regular expressions.
 */
import * as esbuild from 'esbuild';

/**
 * TypeScript (or JavaScript) as minified JavaScript; undefined when it does not parse.
 *
 * @example minifyTs('const a: number = 1 + 2; // three') → 'const a=1+2;\n'
 */
export function minifyTs(source: string, loader: 'ts' | 'js' = 'ts'): string | undefined {
  try {
    return esbuild.transformSync(source, { loader, minifyWhitespace: true, legalComments: 'none', target: 'es2022', format: 'esm', logLevel: 'silent' }).code;
  } catch {
    return undefined;
  }
}

/** For each opening bracket outside strings, regexes and comments, the index of its partner. */
function matchBrackets(code: string): Map<number, number> {
  const pairs = new Map<number, number>();
  const stack: { char: string; at: number; template?: boolean }[] = [];
  const closers: Record<string, string> = { ')': '(', ']': '[', '}': '{' };
  let i = 0;
  let previous = '';
  const skipString = (quote: string): void => {
    i++;
    while (i < code.length && code[i] !== quote) i += code[i] === '\\' ? 2 : 1;
    i++;
  };
  // Scans template text from i (just after ` or a closing } of ${…}); stops after ` or at ${.
  const skipTemplate = (): void => {
    while (i < code.length) {
      if (code[i] === '\\') i += 2;
      else if (code[i] === '`') {
        i++;
        return;
      } else if (code[i] === '$' && code[i + 1] === '{') {
        stack.push({ char: '{', at: i + 1, template: true });
        i += 2;
        return;
      } else i++;
    }
  };
  while (i < code.length) {
    const c = code[i];
    if (c === '"' || c === "'") {
      skipString(c);
      previous = 'a';
    } else if (c === '`') {
      i++;
      skipTemplate();
      previous = 'a';
    } else if (c === '/' && code[i + 1] === '/') {
      while (i < code.length && code[i] !== '\n') i++;
    } else if (c === '/' && code[i + 1] === '*') {
      const end = code.indexOf('*/', i + 2);
      i = end < 0 ? code.length : end + 2;
    } else if (c === '/' && (previous === '' || '(,=:[!&|?{};+-*%<>~^'.includes(previous))) {
      // A regular expression literal: skip to its closing slash (classes may hold a slash).
      i++;
      let inClass = false;
      while (i < code.length && (inClass || code[i] !== '/')) {
        if (code[i] === '\\') i++;
        else if (code[i] === '[') inClass = true;
        else if (code[i] === ']') inClass = false;
        i++;
      }
      i++;
      while (/[a-z]/.test(code[i] ?? '')) i++;
      previous = 'a';
    } else if (c === '(' || c === '[' || c === '{') {
      stack.push({ char: c, at: i });
      previous = c;
      i++;
    } else if (c in closers) {
      const open = stack.pop();
      if (open !== undefined) pairs.set(open.at, i);
      i++;
      if (open?.template) skipTemplate();
      previous = c;
    } else {
      if (!/\s/.test(c)) previous = c;
      i++;
    }
  }
  return pairs;
}

/** The body of the function whose parameter list opens at `open`, if a `{…}` body follows. */
function bodyAfterParameters(code: string, pairs: Map<number, number>, open: number): string | undefined {
  const close = pairs.get(open);
  if (close === undefined) return undefined;
  let brace = close + 1;
  if (code.startsWith('=>', brace)) brace += 2;
  if (code[brace] !== '{') return undefined;
  const end = pairs.get(brace);
  return end === undefined ? undefined : code.slice(brace + 1, end);
}

/** Names a module exports, from esbuild's `export{a,b as c}` clauses (local names). */
function exportedNames(code: string): string[] {
  const names: string[] = [];
  for (const clause of code.matchAll(/\bexport\s*\{([^}]*)\}/g)) {
    for (const item of clause[1].split(',')) {
      const local = item.trim().split(/\s+as\s+/)[0];
      if (/^[\w$]+$/.test(local)) names.push(local);
    }
  }
  for (const direct of code.matchAll(/\bexport\s*(?:async\s*)?(?:function\b\*?|const|let|var)\s*([\w$]+)/g)) names.push(direct[1]);
  return names;
}

function escapeName(name: string): string {
  return name.replace(/\$/g, '\\$');
}

/**
 * The bodies (text between the braces) of the exported functions of minified code — declared as
 * `function f(…){…}` or `const f=(…)=>{…}` and exported — with at least `minLength` characters.
 * Only exported ones: private helpers (a type guard, a message formatter) are too generic to
 * prove a leak, and the solution's substance is in what it exports.
 *
 * @example exportedFunctionBodies(minifyTs('export function f(a){return a*a+1}; function g(){return 0}'), 5) → ['return a*a+1']
 */
export function exportedFunctionBodies(code: string, minLength = 1): string[] {
  const pairs = matchBrackets(code);
  const bodies: string[] = [];
  for (const name of new Set(exportedNames(code))) {
    const n = escapeName(name);
    const declaration = new RegExp(
      `(?:\\bfunction\\b\\*?\\s*${n}\\s*\\(|\\b(?:const|let|var)\\s+${n}=(?:async\\s*)?(?:function\\b\\*?\\s*[\\w$]*\\s*\\(|\\(|[\\w$]+=>\\{))`,
    ).exec(code);
    if (declaration === null) continue;
    const last = declaration.index + declaration[0].length - 1;
    const body = code[last] === '{' ? sliceBody(code, pairs, last) : bodyAfterParameters(code, pairs, last);
    if (body !== undefined && body.length >= minLength) bodies.push(body);
  }
  return bodies;
}

function sliceBody(code: string, pairs: Map<number, number>, brace: number): string | undefined {
  const end = pairs.get(brace);
  return end === undefined ? undefined : code.slice(brace + 1, end);
}
