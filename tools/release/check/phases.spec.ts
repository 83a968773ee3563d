import { describe, expect, it } from 'vitest';
import type { Course } from '../../../graders/support/course.ts';
import type { Context } from './context.ts';
import { phaseTimes, reportPhases, runPhase } from './phases.ts';

const context = (): Context => ({
  course: { exercises: [] } as unknown as Course,
  release: '/r',
  work: '/w',
  ids: [],
  backends: ['cpu'],
  lines: [],
  problems: [],
});
const wait = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

describe('release-check phases', () => {
  it('report in the order listed, not the order they end', async () => {
    const ctx = context();
    const outcomes = await Promise.all([
      runPhase(ctx, 'slow', async (own) => {
        await wait(30);
        own.lines.push('slow line');
        own.problems.push('slow problem');
      }),
      runPhase(ctx, 'quick', (own) => void own.lines.push('quick line')),
    ]);
    expect(ctx.lines).toEqual([]);
    reportPhases(ctx, outcomes);
    expect(ctx.lines).toEqual(['slow line', 'quick line']);
    expect(ctx.problems).toEqual(['slow problem']);
    expect(outcomes[0].ms).toBeGreaterThanOrEqual(25);
  });

  it('a phase that throws is a problem of its own; the others still report', async () => {
    const ctx = context();
    const outcomes = await Promise.all([
      runPhase(ctx, 'gradescope', () => {
        throw new Error('unzip missing');
      }),
      runPhase(ctx, 'autograding', (own) => void own.lines.push('ok')),
    ]);
    reportPhases(ctx, outcomes);
    expect(ctx.problems).toEqual(['gradescope: unzip missing']);
    expect(ctx.lines).toEqual(['ok']);
  });

  it('times phases in sequence (+) and side by side (∥)', () => {
    const o = (name: string, ms: number) => ({ name, lines: [], problems: [], ms });
    expect(phaseTimes([[o('build', 10_400)], [o('autograding', 18_000), o('gradescope', 46_200)]])).toBe(
      'phases (wall): build 10 s + autograding 18 s ∥ gradescope 46 s',
    );
  });
});
