import { describe, expect, test } from 'vitest';
import { SerialRunner } from './serial-runner.ts';

/** A job that records how many copies of it run at once and waits until released. */
function gatedJob() {
  let running = 0;
  let maxRunning = 0;
  let runs = 0;
  const gates: (() => void)[] = [];
  const job = async (): Promise<void> => {
    running++;
    runs++;
    maxRunning = Math.max(maxRunning, running);
    await new Promise<void>((resolve) => gates.push(resolve));
    running--;
  };
  const releaseNext = async (): Promise<void> => {
    while (gates.length === 0) await new Promise((r) => setTimeout(r, 1));
    gates.shift()!();
  };
  return { job, releaseNext, stats: () => ({ runs, maxRunning }) };
}

describe('SerialRunner', () => {
  test('requests during a run start no second run, and queue exactly one more', async () => {
    const { job, releaseNext, stats } = gatedJob();
    const runner = new SerialRunner(job);
    runner.request();
    for (let i = 0; i < 5; i++) runner.request();
    expect(stats()).toEqual({ runs: 1, maxRunning: 1 });
    await releaseNext(); // the first run ends: the queued one starts
    await releaseNext();
    await runner.idle();
    expect(stats()).toEqual({ runs: 2, maxRunning: 1 });
    expect(runner.busy).toBe(false);
  });

  test('a request after the runner is idle starts a new run', async () => {
    const { job, releaseNext, stats } = gatedJob();
    const runner = new SerialRunner(job);
    runner.request();
    await releaseNext();
    await runner.idle();
    runner.request();
    await releaseNext();
    await runner.idle();
    expect(stats().runs).toBe(2);
  });

  test('a failing run is reported and does not stop the queued one', async () => {
    const errors: unknown[] = [];
    let calls = 0;
    const runner = new SerialRunner(
      async () => {
        calls++;
        if (calls === 1) {
          runner.request();
          throw new Error('boom');
        }
      },
      (e) => errors.push(e),
    );
    runner.request();
    await runner.idle();
    expect(calls).toBe(2);
    expect(errors).toEqual([new Error('boom')]);
  });
});
