/**
 * The release check's phases, timed, each with its own lines and problems so that phases run side
 * by side still report in a fixed order (the order they are listed in, not the order they end).
 */
import type { Context } from './context.ts';

/** What one phase reported, and how long it took (wall clock, from its own start). */
export interface PhaseOutcome {
  name: string;
  lines: string[];
  problems: string[];
  ms: number;
}

/**
 * Runs `check` on a copy of `ctx` that collects its own lines and problems; a throw is one of its
 * problems, never the end of the other phases.
 *
 * @example await runPhase(ctx, 'autograding', checkAutograding) → { name: 'autograding', lines: ['autograding dry run …'], problems: [], ms: 31200 }
 */
export async function runPhase(ctx: Context, name: string, check: (ctx: Context) => void | Promise<void>): Promise<PhaseOutcome> {
  const own: Context = { ...ctx, lines: [], problems: [] };
  const started = Date.now();
  try {
    await check(own);
  } catch (error) {
    own.problems.push(`${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return { name, lines: own.lines, problems: own.problems, ms: Date.now() - started };
}

/** Appends `outcomes`' lines and problems to `ctx`, in the order given. */
export function reportPhases(ctx: Context, outcomes: PhaseOutcome[]): void {
  for (const outcome of outcomes) {
    ctx.lines.push(...outcome.lines);
    ctx.problems.push(...outcome.problems);
  }
}

/**
 * One line with each phase's wall time, `+` between phases run one after the other and `∥`
 * between those run side by side.
 *
 * @example phaseTimes([[build], [references], [autograding, mutants]]) → 'phases (wall): build 30 s + references 41 s + autograding 22 s ∥ mutants 95 s'
 */
export function phaseTimes(groups: PhaseOutcome[][]): string {
  const seconds = (o: PhaseOutcome): string => `${o.name} ${(o.ms / 1000).toFixed(0)} s`;
  return `phases (wall): ${groups.map((g) => g.map(seconds).join(' ∥ ')).join(' + ')}`;
}
