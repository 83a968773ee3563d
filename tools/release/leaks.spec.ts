/**
 * The leak scanner on a tiny repository and release written to a temp folder: each kind of leak
 * is found (a solution file, an exported function body reformatted, a quiz answer in any
 * spelling, an answer next to its key in code) and public helpers are not.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCourse } from '../../graders/support/course.ts';
import { scanRelease } from './leaks.ts';
import { collectSecrets } from './secrets.ts';

const dir = mkdtempSync(path.join(tmpdir(), 'leaks-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(root: string, files: Record<string, string | Buffer>): string {
  for (const [file, text] of Object.entries(files)) {
    mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    writeFileSync(path.join(root, file), text);
  }
  return root;
}

const course = parseCourse(
  JSON.stringify({
    title: 't',
    exercises: [
      { id: 'exercise-01', folder: 'exercise-01-sum', title: 'Sum', files: ['sum.ts'], parts: [{ id: 'A', title: 'a', points: 1, hints: ['x', 'y'] }] },
      { id: 'exercise-02', folder: 'exercise-02-quiz', title: 'Quiz', files: ['answers.ts'], parts: [{ id: 'q01', title: 'q', points: 1, hints: ['x', 'y'] }] },
    ],
  }),
);

const solutionSum = `export function sumOfSquares(xs: number[]): number {\n  let total = 0;\n  for (const x of xs) total += x * x; // square each\n  if (!Number.isFinite(total)) throw new Error('overflow');\n  return total;\n}\nexport function helper(): string { return 'shared helper body long enough to count as a body, really'; }\n`;
const repo = write(path.join(dir, 'repo'), {
  'course.json': JSON.stringify(course),
  'solutions/exercise-01-sum/sum.ts': solutionSum,
  'exercises/exercise-01-sum/sum.ts': `export function sumOfSquares(xs: number[]): number {\n  throw new Error('Remove this line and implement sumOfSquares (Part A)');\n}\nexport function helper(): string { return 'shared helper body long enough to count as a body, really'; }\n`,
  'solutions/exercise-02-quiz/answers.ts': `export const answers = { q01: 73856, q02: 'B', q03: 7 };\n`,
  'exercises/exercise-02-quiz/answers.ts': `export const answers = { q01: undefined, q02: undefined, q03: 7 };\n`,
});

describe('leak scan', async () => {
  const secrets = await collectSecrets(repo, course);

  it('a clean release has no leaks', () => {
    const clean = write(path.join(dir, 'clean'), {
      'exercises/exercise-01-sum/sum.ts': `export function sumOfSquares(xs: number[]): number {\n  throw new Error('Remove this line');\n}\n`,
      'README.md': 'Answer q03 is public: 7. Helper: shared helper body long enough to count as a body, really.',
      'graders/g.ts': "const options = { q02: 'choose one letter' };",
    });
    expect(scanRelease(clean, secrets)).toEqual([]);
  });

  it('finds each kind of leak', () => {
    const leaky = write(path.join(dir, 'leaky'), {
      'solutions/exercise-01-sum/sum.ts': 'anything',
      'copy/sum.ts': solutionSum,
      'graders/oracle.ts':
        "export function oracle(xs){let total=0;for(const x of xs)total+=x*x;if(!Number.isFinite(total))throw new Error('overflow');return total}",
      'COURSE.md': 'A 3×3 conv from 64 to 128 channels has 73,856 parameters.',
      'graders/key.json': JSON.stringify({ q02: 'B' }),
      'graders/table.ts': "export const table = [{ key: 'q02', text: 'the letter', answer: 'B' }];",
      'graders/sealed/x.json.gz': gzipSync(JSON.stringify({ entries: { k: JSON.stringify({ q02: 'B' }) } })),
    });
    const found = scanRelease(leaky, secrets).map((l) => `${l.file}: ${l.what}`);
    expect(found.some((f) => f.startsWith('solutions/exercise-01-sum/sum.ts: a file under a folder that holds solutions'))).toBe(true);
    expect(found).toContain('copy/sum.ts: a copy of solutions/exercise-01-sum/sum.ts');
    expect(found.some((f) => f.startsWith('graders/oracle.ts: the body of a function of solutions/exercise-01-sum/sum.ts'))).toBe(true);
    expect(found).toContain('COURSE.md: the answer exercise-02 answers.q01 (73856)');
    expect(found).toContain('graders/key.json: the answer exercise-02 answers.q02 = "B"');
    expect(found).toContain('graders/table.ts: the answer exercise-02 answers.q02 = "B" (key and answer in one object)');
    expect(found.some((f) => f.startsWith('graders/sealed/x.json.gz: the answer exercise-02 answers.q02'))).toBe(true);
    expect(found.some((f) => f.includes('q03'))).toBe(false);
  });
});
