/**
 * Whether this machine can run the student's code inside bubblewrap (`bwrap`), the operating-system
 * wall around it: found once per process and remembered.
 *
 * Bubblewrap needs Linux and the right to create namespaces (root, or unprivileged user
 * namespaces). Where it is missing (macOS, Windows, a locked-down container) local grading falls
 * back to Node's permission model alone and says so; class grading refuses to run.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants, realpathSync, statSync, type Stats } from 'node:fs';
import path from 'node:path';
import { gradeIsolation, gradeOsSandbox } from '../settings.ts';

/** The sandbox can be used (`bwrap` is its executable), or why it cannot. */
export type OsSandbox = { available: true; bwrap: string } | { available: false; reason: string };

let cached: OsSandbox | undefined;

const nobody = 65534;

/** Whether nobody may search `dir` (every folder on the way to a bound path needs it). */
function nobodyMay(stat: Stats, bits: { other: number; owner: number; group: number }): boolean {
  if (stat.uid === nobody) return (stat.mode & bits.owner) === bits.owner;
  if (stat.gid === nobody) return (stat.mode & bits.group) === bits.group;
  return (stat.mode & bits.other) === bits.other;
}

/**
 * Whether the user nobody can reach and read `file`: every folder above it searchable, the file
 * itself readable (and searchable, for a folder). bwrap resolves its bind sources as the user it
 * runs as, so a repository inside a private folder (`/root`, a `mktemp -d`) is out of nobody's reach.
 */
export function nobodyCanRead(file: string): boolean {
  let real: string;
  try {
    real = realpathSync(file);
  } catch {
    return true; // Absent paths are not bound (--ro-bind-try or skipped), so they do not matter.
  }
  const search = { other: 0o001, owner: 0o100, group: 0o010 };
  for (let dir = path.dirname(real); ; dir = path.dirname(dir)) {
    if (!nobodyMay(statSync(dir), search)) return false;
    if (dir === path.dirname(dir)) break;
  }
  const stat = statSync(real);
  const read = stat.isDirectory() ? { other: 0o005, owner: 0o500, group: 0o050 } : { other: 0o004, owner: 0o400, group: 0o040 };
  return nobodyMay(stat, read);
}

/**
 * Spawn options that run bwrap as nobody when the grader is root and nobody can reach every path
 * the sandbox binds (`paths`): then the sandbox's process limit applies (root is exempt from
 * RLIMIT_NPROC) and nothing outside is opened with root's rights. Where a bound path lies in a
 * folder only root may enter, bwrap runs as root and maps the process to nobody inside its user
 * namespace: every wall but the process limit stays (the permission model refuses child processes).
 */
export function asNobody(paths: string[] = []): { uid?: number; gid?: number } {
  if (process.getuid?.() !== 0) return {};
  return paths.every(nobodyCanRead) ? { uid: nobody, gid: nobody } : {};
}

/** The first executable called `name` on `PATH`, if any. */
function onPath(name: string, env: NodeJS.ProcessEnv): string | undefined {
  for (const dir of (env.PATH ?? '').split(path.delimiter)) {
    if (dir === '') continue;
    const candidate = path.join(dir, name);
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // Not here: try the next folder.
    }
  }
  return undefined;
}

/**
 * Looks for `bwrap` and checks, by starting `/usr/bin/true` with every namespace unshared, that it
 * can create namespaces here. Cached: the probe costs a few milliseconds once.
 *
 * @example
 *   const sandbox = osSandbox();
 *   if (!sandbox.available) throw new Error(`no OS sandbox: ${sandbox.reason}`);
 */
export function osSandbox(): OsSandbox {
  cached ??= probe(process.env);
  return cached;
}

function probe(env: NodeJS.ProcessEnv): OsSandbox {
  if (process.platform !== 'linux') return { available: false, reason: `bubblewrap needs Linux (this is ${process.platform})` };
  const bwrap = onPath('bwrap', env);
  if (bwrap === undefined) return { available: false, reason: 'bwrap is not on PATH (Debian/Ubuntu: apt-get install bubblewrap)' };
  const result = spawnSync(
    bwrap,
    [
      '--unshare-all',
      '--die-with-parent',
      '--new-session',
      '--ro-bind',
      '/usr',
      '/usr',
      '--symlink',
      'usr/lib',
      '/lib',
      '--symlink',
      'usr/lib64',
      '/lib64',
      '--proc',
      '/proc',
      '--dev',
      '/dev',
      '--uid',
      '65534',
      '--gid',
      '65534',
      '/usr/bin/true',
    ],
    // As the student's process will run it: as root, bwrap runs as nobody (see client.ts).
    { encoding: 'utf8', timeout: 10_000, stdio: ['ignore', 'ignore', 'pipe'], ...asNobody() },
  );
  if (result.error !== undefined) return { available: false, reason: `${bwrap} could not be started (${result.error.message})` };
  if (result.status !== 0) {
    const said = result.stderr.trim().split('\n')[0] || `exit ${result.status ?? result.signal}`;
    return { available: false, reason: `${bwrap} cannot create namespaces here (${said})` };
  }
  return { available: true, bwrap };
}

/** Environment variable that turns the OS sandbox off (`off`): benchmarks, `--unsafe-no-sandbox`. */
export const osSandboxSwitch = 'GRADE_OS_SANDBOX';

/**
 * What the student's process runs in: {@link osSandbox}, unless `GRADE_OS_SANDBOX=off` says not to
 * (then `reason` says so, and the run's header says it is not sandboxed).
 */
export function useOsSandbox(env: NodeJS.ProcessEnv = process.env): OsSandbox {
  if (gradeOsSandbox.read(env) === 'off') return { available: false, reason: `${osSandboxSwitch}=off` };
  return osSandbox();
}

/**
 * The run header's line when the student's code runs without the OS sandbox, else undefined.
 *
 * @example "not sandboxed: bwrap is not on PATH (…); your code runs under Node's permission model only"
 */
export function sandboxNotice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (gradeIsolation.read(env) === 'off') return undefined;
  const os = useOsSandbox(env);
  if (os.available) return undefined;
  return `not sandboxed: ${os.reason}; your code runs under Node's permission model only (fine for practice, not for a grade of record)`;
}
