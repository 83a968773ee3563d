/**
 * Regenerates graders/exercise-05-quiz/key.json from the solution's answers and the recognised
 * wrong answers (tools/quiz/traps.ts). Keeps the key's salt unless asked for a new one.
 *
 *   npx tsx tools/quiz/make-key.ts              # write key.json
 *   npx tsx tools/quiz/make-key.ts --check      # exit 1 if key.json is stale
 *   npx tsx tools/quiz/make-key.ts --new-salt   # write key.json with a fresh random salt
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { keyFile, loadKey } from '../../graders/exercise-05-quiz/key.ts';
import { questions } from '../../graders/exercise-05-quiz/questions.ts';
import { answers } from '../../solutions/exercise-05-quiz/answers.ts';
import { buildKey, keyText } from './build-key.ts';
import { traps } from './traps.ts';
import { commandLine } from '../../graders/support/command-line.ts';

const { values } = commandLine('quiz-key', { check: { type: 'boolean' }, 'new-salt': { type: 'boolean' } }, 'npm run quiz-key -- [--check] [--new-salt]', {
  positionals: false,
});
const file = fileURLToPath(keyFile);
const exists = existsSync(file);
const salt = values['new-salt'] || !exists ? randomBytes(16).toString('hex') : loadKey(file).salt;
const text = keyText(buildKey(salt, questions, answers, traps));
const current = exists ? readFileSync(file, 'utf8') : '';

if (values.check) {
  if (text === current) {
    process.stdout.write(`quiz key: ${file} is up to date (${questions.length} questions).\n`);
  } else {
    process.stderr.write(`quiz key: ${file} is stale; run: npx tsx tools/quiz/make-key.ts\n`);
    process.exitCode = 1;
  }
} else if (text === current) {
  process.stdout.write(`quiz key: ${file} unchanged (${questions.length} questions).\n`);
} else {
  writeFileSync(file, text);
  process.stdout.write(`quiz key: wrote ${file} (${questions.length} questions${values['new-salt'] || !exists ? ', new salt' : ''}).\n`);
}
