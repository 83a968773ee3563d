/**
 * `npm run verdict-key`: regenerates graders/exercise-02-equivariance/verdict-key.json from the
 * hidden solution (keeping its salt). `--check` exits 1 when the committed key is stale;
 * `--new-salt` draws a new salt.
 */
import { existsSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { loadVerdictKey, verdictKeyFile } from '../../graders/exercise-02-equivariance/verdicts.ts';
import { buildVerdictKey } from './build-key.ts';
import { commandLine } from '../../graders/support/command-line.ts';

const { values } = commandLine(
  'verdict-key',
  { check: { type: 'boolean', default: false }, 'new-salt': { type: 'boolean', default: false } },
  'npm run verdict-key -- [--check] [--new-salt]',
  {
    positionals: false,
  },
);
const file = fileURLToPath(verdictKeyFile);
const old = existsSync(file) ? loadVerdictKey() : undefined;
const key = await buildVerdictKey(values['new-salt'] || old === undefined ? undefined : old.salt);
const text = `${JSON.stringify(key, null, 2)}\n`;
if (values.check) {
  const stale = old === undefined || `${JSON.stringify(old, null, 2)}\n` !== text;
  process.stdout.write(stale ? 'verdict-key.json is stale: run npm run verdict-key\n' : 'verdict-key.json is up to date\n');
  process.exit(stale ? 1 : 0);
}
writeFileSync(file, text);
process.stdout.write(`wrote ${file}\n`);
