/**
 * The small subset of YAML the release writes (no YAML library is installed): block mappings,
 * block sequences, single-quoted strings, integers and booleans — every string quoted, so no
 * value can be misread (YAML 1.1 reads a bare `on` as true). `readYaml` parses exactly this subset
 * and refuses anything else, so a test can read a written workflow back as data.
 */

/** A value of the subset. */
export type YamlValue = string | number | boolean | YamlValue[] | { [key: string]: YamlValue };

const plainKey = /^[A-Za-z_][A-Za-z0-9_-]*$/;
const reserved = new Set(['on', 'off', 'yes', 'no', 'y', 'n', 'true', 'false', 'null']);

function quote(text: string): string {
  if (/[\n\r]/.test(text)) throw new Error(`writeYaml: multi-line strings are not supported, got ${JSON.stringify(text)}`);
  return `'${text.replace(/'/g, "''")}'`;
}

function key(name: string): string {
  return plainKey.test(name) && !reserved.has(name.toLowerCase()) ? name : quote(name);
}

function scalar(value: YamlValue): string {
  if (typeof value === 'string') return quote(value);
  if (typeof value === 'number') {
    if (!Number.isInteger(value)) throw new Error(`writeYaml: only integers are supported, got ${value}`);
    return String(value);
  }
  if (typeof value === 'boolean') return String(value);
  throw new Error('writeYaml: not a scalar');
}

function isScalar(value: YamlValue): boolean {
  return typeof value !== 'object';
}

function lines(value: YamlValue, indent: string): string[] {
  if (Array.isArray(value)) {
    return value.flatMap((item) => {
      if (isScalar(item)) return [`${indent}- ${scalar(item)}`];
      const [first, ...rest] = lines(item, `${indent}  `);
      return [`${indent}- ${first.trimStart()}`, ...rest];
    });
  }
  if (typeof value === 'object') {
    return Object.entries(value).flatMap(([name, item]) => {
      if (isScalar(item)) return [`${indent}${key(name)}: ${scalar(item)}`];
      if (Array.isArray(item) && item.length === 0) return [`${indent}${key(name)}: []`];
      return [`${indent}${key(name)}:`, ...lines(item, `${indent}  `)];
    });
  }
  return [`${indent}${scalar(value)}`];
}

/**
 * A mapping as YAML text (2-space indentation, sequences indented under their key).
 *
 * @example writeYaml({ on: ['push'] }) → "'on':\n  - 'push'\n"
 */
export function writeYaml(value: { [key: string]: YamlValue }): string {
  return lines(value, '').join('\n') + '\n';
}

interface Line {
  indent: number;
  text: string;
  number: number;
}

function parseScalar(text: string, where: string): YamlValue {
  if (/^'(?:[^']|'')*'$/.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  if (/^-?\d+$/.test(text)) return Number(text);
  if (text === 'true' || text === 'false') return text === 'true';
  if (text === '[]') return [];
  throw new Error(`readYaml: ${where}: expected a single-quoted string, an integer or a boolean, got ${text}`);
}

function parseKey(text: string, where: string): string {
  if (plainKey.test(text)) return text;
  if (/^'(?:[^']|'')*'$/.test(text)) return text.slice(1, -1).replace(/''/g, "'");
  throw new Error(`readYaml: ${where}: expected a plain or single-quoted key, got ${text}`);
}

/** Splits `key: value` at the first `: ` outside quotes. */
function splitEntry(text: string, where: string): [string, string | undefined] {
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    if (text[i] === "'") quoted = !quoted;
    if (!quoted && text[i] === ':' && (i === text.length - 1 || text[i + 1] === ' ')) {
      const rest = text.slice(i + 1).trim();
      return [parseKey(text.slice(0, i), where), rest === '' ? undefined : rest];
    }
  }
  throw new Error(`readYaml: ${where}: expected 'key: value', got ${text}`);
}

function parseBlock(input: Line[], start: number, indent: number): [YamlValue, number] {
  const first = input[start];
  if (first.text.startsWith('- ')) {
    const items: YamlValue[] = [];
    let i = start;
    while (i < input.length && input[i].indent === indent && input[i].text.startsWith('- ')) {
      const rest = input[i].text.slice(2);
      const where = `line ${input[i].number}`;
      if (/^'|^-?\d+$|^(true|false)$/.test(rest) && !/^'(?:[^']|'')*':( |$)/.test(rest)) {
        items.push(parseScalar(rest, where));
        i++;
        continue;
      }
      // A mapping item: its first entry sits after '- ', the others two columns deeper.
      const shifted: Line[] = [{ indent: indent + 2, text: rest, number: input[i].number }];
      let j = i + 1;
      while (j < input.length && input[j].indent > indent) shifted.push(input[j++]);
      const [value] = parseBlock(shifted, 0, indent + 2);
      items.push(value);
      i = j;
    }
    return [items, i];
  }
  const map: { [key: string]: YamlValue } = {};
  let i = start;
  while (i < input.length && input[i].indent === indent) {
    const where = `line ${input[i].number}`;
    if (input[i].text.startsWith('- ')) throw new Error(`readYaml: ${where}: a sequence item where a key was expected`);
    const [name, rest] = splitEntry(input[i].text, where);
    if (name in map) throw new Error(`readYaml: ${where}: duplicate key ${name}`);
    if (rest !== undefined) {
      map[name] = parseScalar(rest, where);
      i++;
      continue;
    }
    const next = input[i + 1];
    if (next === undefined || next.indent <= indent) throw new Error(`readYaml: ${where}: ${name} has no value`);
    const [value, after] = parseBlock(input, i + 1, next.indent);
    map[name] = value;
    i = after;
  }
  if (i < input.length && input[i].indent > indent) throw new Error(`readYaml: line ${input[i].number}: unexpected indentation`);
  return [map, i];
}

/**
 * Parses text written by {@link writeYaml} (comments and blank lines allowed); throws naming the
 * line of anything outside the subset.
 *
 * @example readYaml("'on':\n  - 'push'\n") → { on: ['push'] }
 */
export function readYaml(text: string): { [key: string]: YamlValue } {
  const input: Line[] = [];
  for (const [index, raw] of text.split('\n').entries()) {
    if (raw.includes('\t')) throw new Error(`readYaml: line ${index + 1}: tabs are not allowed`);
    if (raw.trim() === '' || raw.trimStart().startsWith('#')) continue;
    input.push({ indent: raw.length - raw.trimStart().length, text: raw.trim(), number: index + 1 });
  }
  if (input.length === 0) return {};
  const [value, end] = parseBlock(input, 0, input[0].indent);
  if (end < input.length) throw new Error(`readYaml: line ${input[end].number}: unexpected indentation`);
  if (typeof value !== 'object' || Array.isArray(value)) throw new Error('readYaml: expected a mapping at the top');
  return value;
}
