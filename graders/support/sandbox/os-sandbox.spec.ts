import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { nobodyCanRead } from './os-sandbox.ts';

describe('nobodyCanRead: whether bwrap, run as nobody, can bind a path', () => {
  const made: string[] = [];
  const folder = (): string => {
    const dir = mkdtempSync(path.join(tmpdir(), 'nobody-')); // mode 0700, like /root or mktemp -d
    made.push(dir);
    return dir;
  };
  afterEach(() => {
    for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
  });

  it('is false for a file inside a folder only its owner may enter', () => {
    const dir = folder();
    mkdirSync(path.join(dir, 'repo'), { mode: 0o755 });
    writeFileSync(path.join(dir, 'repo', 'a.js'), '', { mode: 0o644 });
    expect(nobodyCanRead(path.join(dir, 'repo', 'a.js'))).toBe(false);
  });

  it('is true once every folder on the way may be searched and the file read', () => {
    const dir = folder();
    chmodSync(dir, 0o755);
    mkdirSync(path.join(dir, 'repo'), { mode: 0o755 });
    writeFileSync(path.join(dir, 'repo', 'a.js'), '', { mode: 0o644 });
    expect(nobodyCanRead(path.join(dir, 'repo', 'a.js'))).toBe(true);
    expect(nobodyCanRead(path.join(dir, 'repo'))).toBe(true);
  });

  it('is false for a file others may not read, and for a folder others may not list', () => {
    const dir = folder();
    chmodSync(dir, 0o755);
    writeFileSync(path.join(dir, 'secret'), '', { mode: 0o600 });
    mkdirSync(path.join(dir, 'closed'), { mode: 0o711 });
    expect(nobodyCanRead(path.join(dir, 'secret'))).toBe(false);
    expect(nobodyCanRead(path.join(dir, 'closed'))).toBe(false);
  });

  it('ignores a path that does not exist (it is not bound)', () => {
    expect(nobodyCanRead(path.join(folder(), 'absent'))).toBe(true);
  });
});
