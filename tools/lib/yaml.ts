/**
 * YAML as the course writes it (GitHub workflows), through the `yaml` package: every string
 * single-quoted and keys plain unless YAML 1.1 would misread them (`'on':`, which 1.1 reads as
 * true), so GitHub's parser and any 1.1 or 1.2 reader get the same data; no line folding.
 */
import { parse, stringify } from 'yaml';

/** A value YAML can hold that the course writes: strings, numbers, booleans, lists, mappings. */
export type YamlValue = string | number | boolean | YamlValue[] | { [key: string]: YamlValue };

/**
 * A mapping as YAML text (2-space indentation).
 *
 * @example writeYaml({ on: ['push'], a: 1 }) → '"on":\n  - \'push\'\na: 1\n'
 */
export function writeYaml(value: { [key: string]: YamlValue }): string {
  return stringify(value, { version: '1.1', defaultStringType: 'QUOTE_SINGLE', defaultKeyType: 'PLAIN', lineWidth: 0, indentSeq: true });
}

/**
 * Parses YAML (1.2, duplicate keys refused) and checks the top is a mapping; an Error says what it got.
 *
 * @example readYaml("'on':\n  - 'push'\n") → { on: ['push'] }
 */
export function readYaml(text: string): { [key: string]: YamlValue } {
  const value: unknown = parse(text, { uniqueKeys: true });
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value))
    throw new Error(`readYaml: expected a mapping at the top, got ${Array.isArray(value) ? 'a list' : typeof value}`);
  return value as { [key: string]: YamlValue };
}
