import { describe, expect, it } from 'vitest';
import { spawnAsync } from './spawn-async.ts';

describe('spawnAsync', () => {
  it("gives spawnSync's answer: exit status, stdout and stderr, in the given folder and environment", async () => {
    const run = await spawnAsync('sh', ['-c', 'pwd; echo "$WHO" >&2; exit 3'], { cwd: '/', env: { WHO: 'ada', PATH: process.env.PATH } });
    expect(run).toEqual({ status: 3, stdout: '/\n', stderr: 'ada\n' });
  });

  it('kills a command that outlives its time limit (status null) and says when one cannot start', async () => {
    const started = Date.now();
    const slow = await spawnAsync('sleep', ['30'], { timeoutMs: 200 });
    expect(slow.status).toBeNull();
    expect(Date.now() - started).toBeLessThan(10_000);
    const missing = await spawnAsync('no-such-command-here', []);
    expect(missing.status).not.toBe(0);
    expect(missing.error?.message).toMatch(/ENOENT/);
  });
});
