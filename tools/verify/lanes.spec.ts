import { describe, expect, it } from 'vitest';
import { inLanes } from './lanes.ts';

/** A job that records how many jobs of each kind run at once, and answers after `ms`. */
function tracker(ms: number) {
  const now = { busy: 0, waiting: 0 };
  const peak = { busy: 0, waiting: 0 };
  const job = async (item: string): Promise<string> => {
    const kind = item.startsWith('hang') ? 'waiting' : 'busy';
    now[kind]++;
    peak[kind] = Math.max(peak[kind], now[kind]);
    await new Promise((resolve) => setTimeout(resolve, ms));
    now[kind]--;
    return item.toUpperCase();
  };
  return { job, peak };
}

describe('inLanes', () => {
  it('keeps the items order in the results and runs waiting jobs next to the busy ones, each kind within its lanes', async () => {
    const items = ['a', 'hang-1', 'b', 'c', 'hang-2', 'd'];
    const { job, peak } = tracker(20);
    const results = await inLanes(items, (s) => s.startsWith('hang'), { busy: 2, waiting: 1 }, job);
    expect(results).toEqual(['A', 'HANG-1', 'B', 'C', 'HANG-2', 'D']);
    expect(peak).toEqual({ busy: 2, waiting: 1 });
  });

  it('runs everything when one kind is missing', async () => {
    const { job } = tracker(1);
    expect(await inLanes(['a', 'b'], () => false, { busy: 1, waiting: 1 }, job)).toEqual(['A', 'B']);
    expect(await inLanes(['hang'], () => true, { busy: 1, waiting: 1 }, job)).toEqual(['HANG']);
  });

  it('refuses a lane count that is not a whole number ≥ 1, naming it and the value', async () => {
    const { job } = tracker(1);
    await expect(inLanes(['a'], () => false, { busy: 0, waiting: 1 }, job)).rejects.toThrow('expected a whole number ≥ 1 of busy lanes, got 0');
    await expect(inLanes(['a'], () => false, { busy: 2, waiting: 1.5 }, job)).rejects.toThrow('of waiting lanes, got 1.5');
  });
});
