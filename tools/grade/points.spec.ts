import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { parseCourse } from '../../graders/support/course.ts';
import { coursePoints } from './points.ts';

const fixtures = new URL('./exports/fixtures/', import.meta.url);
const course = parseCourse(readFileSync(new URL('course.json', fixtures), 'utf8'));
const dir = mkdtempSync(path.join(tmpdir(), 'points-spec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('Points X/Y', () => {
  it('sums every exercise of the course, counting a missing or broken result as 0 of its maximum', () => {
    mkdirSync(dir, { recursive: true });
    const fail = JSON.parse(readFileSync(new URL('fail/input.json', fixtures), 'utf8')).run;
    writeFileSync(path.join(dir, 'exercise-01.json'), JSON.stringify(fail));
    writeFileSync(path.join(dir, 'exercise-02.json'), '{ not json');
    const { rows, line, modified } = coursePoints(course, dir);
    expect(line).toBe('Points 4/7');
    expect(rows.map((r) => [r.id, r.score, r.max])).toEqual([
      ['exercise-01', 4, 5],
      ['exercise-02', 0, 2],
    ]);
    expect(rows[1].note).toMatch(/not valid JSON/);
    expect(modified).toEqual([]);
  });

  it('names modified grading files', () => {
    const error = JSON.parse(readFileSync(new URL('error/input.json', fixtures), 'utf8')).run;
    writeFileSync(path.join(dir, 'exercise-01.json'), JSON.stringify(error));
    const { line, modified, rows } = coursePoints(course, dir);
    expect(line).toBe('Points 0/7');
    expect(rows[0].note).toMatch(/^SyntaxError/);
    expect(modified).toEqual(['graders/exercise-01-sums/part-b.ts']);
  });
});
