/**
 * Whether this machine can run the student's code inside bubblewrap (`bwrap`), the operating-system
 * wall around it: found once per process and remembered.
 *
 * Bubblewrap needs Linux and the right to create namespaces (root, or unprivileged user
 * namespaces). Where it is missing (macOS, Windows, a locked-down container) local grading falls
 * back to Node's permission model alone and says so; class grading refuses to run.
 */
import { spawnSync } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

/** The sandbox can be used (`bwrap` is its executable), or why it cannot. */
export type OsSandbox = { available: true; bwrap: string } | { available: false; reason: string };

let cached: OsSandbox | undefined;

/**
 * Spawn options that run bwrap as nobody when the grader is root: then the sandbox's process
 * limits apply (root is exempt from RLIMIT_NPROC) and root-only files stay unreadable.
 */
export function asNobody(): { uid?: number; gid?: number } {
  return process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
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
    ['--unshare-all', '--die-with-parent', '--new-session', '--ro-bind', '/usr', '/usr', '--symlink', 'usr/lib', '/lib', '--symlink', 'usr/lib64', '/lib64', '--proc', '/proc', '--dev', '/dev', '--uid', '65534', '--gid', '65534', '/usr/bin/true'],
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
  if (env[osSandboxSwitch] === 'off') return { available: false, reason: `${osSandboxSwitch}=off` };
  return osSandbox();
}

/**
 * The run header's line when the student's code runs without the OS sandbox, else undefined.
 *
 * @example "not sandboxed: bwrap is not on PATH (…); your code runs under Node's permission model only"
 */
export function sandboxNotice(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.GRADE_ISOLATION === 'off') return undefined;
  const os = useOsSandbox(env);
  if (os.available) return undefined;
  return `not sandboxed: ${os.reason}; your code runs under Node's permission model only (fine for practice, not for a grade of record)`;
}
