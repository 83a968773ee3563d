/**
 * The bubblewrap command line that walls in the student's process: a new root holding only what
 * the process needs, read-only — system libraries, Node, `node_modules/`, the trusted runner, this
 * grading's private build folder, the datasets, the Vulkan driver for webgpu — plus a small
 * private /tmp; no network but loopback, its own PID namespace (so `process.kill(-1, …)` reaches
 * only the sandbox), and limits on processes, file size and CPU time (`prlimit`).
 */
import { existsSync, readdirSync, realpathSync } from 'node:fs';
import { cpus } from 'node:os';
import path from 'node:path';

/** What to bind and run. */
export interface BwrapPlan {
  /** Files and folders the process may read, bound read-only at the same path (and its real path). */
  readable: string[];
  /** `VK_ICD_FILENAMES` for webgpu: each ICD json and the folder of its library are bound. */
  icd?: string;
  /** webgpu: also the GPU's device nodes (/dev/dri, /dev/nvidia*) and /etc/vulkan, where present. */
  gpu?: boolean;
  /** The command run inside, e.g. `[node, ...execArgv, runner, ...args]`. */
  command: string[];
  /** Limits (prlimit): processes+threads, largest file written, CPU seconds. */
  limits?: { processes: number; fileBytes: number; cpuSeconds: number };
}

/**
 * Defaults. Threads count as processes: Node starts about ten, SwiftShader one per core, so the
 * cap grows with the machine. No file needs more than a few MiB.
 */
export const defaultLimits = { processes: 256 + 2 * cpus().length, fileBytes: 16 * 1024 * 1024, cpuSeconds: 900 };

const prlimit = '/usr/bin/prlimit';
/** System folders every Linux program needs; /lib* are links into /usr on merged-/usr systems. */
const systemDirs = ['/usr', '/lib', '/lib64', '/lib32', '/bin', '/sbin'];
/** The few /etc files Node and the dynamic linker read. */
const etcFiles = ['/etc/ld.so.cache', '/etc/ld.so.conf', '/etc/localtime', '/etc/nsswitch.conf', '/etc/passwd', '/etc/group'];

function bindSystem(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const real = realpathSync(dir);
  // A link (/lib -> usr/lib) is recreated as the same link; a real folder is bound.
  return real !== dir ? ['--symlink', path.relative(path.dirname(dir), real), dir] : ['--ro-bind', dir, dir];
}

/** Each path, and its real path when it differs (the permission model and Node check real paths). */
function bindReadable(file: string): string[] {
  if (!existsSync(file)) return [];
  const real = realpathSync(file);
  const args = ['--ro-bind', real, real];
  if (real !== file) args.push('--ro-bind', real, file);
  return args;
}

/**
 * The arguments for `bwrap`, ending with the command.
 *
 * @example
 *   spawn(bwrap, bwrapArgs({ readable: ['/repo/node_modules', runner, privateDir], command: [process.execPath, runner] }))
 */
export function bwrapArgs(plan: BwrapPlan): string[] {
  const limits = plan.limits ?? defaultLimits;
  const args = ['--unshare-all', '--die-with-parent', '--new-session', '--uid', '65534', '--gid', '65534'];
  for (const dir of systemDirs) args.push(...bindSystem(dir));
  for (const file of etcFiles) args.push('--ro-bind-try', file, file);
  args.push('--proc', '/proc', '--dev', '/dev', '--size', String(limits.fileBytes * 4), '--tmpfs', '/tmp');
  // A GPU's device nodes and driver list, where the machine has them (SwiftShader needs none).
  if (plan.gpu === true) {
    const nvidia = existsSync('/dev') ? readdirSync('/dev').filter((d) => d.startsWith('nvidia')) : [];
    for (const dev of ['dri', ...nvidia]) args.push('--dev-bind-try', `/dev/${dev}`, `/dev/${dev}`);
    args.push('--ro-bind-try', '/etc/vulkan', '/etc/vulkan');
  }
  const node = path.dirname(realpathSync(plan.command[0]));
  if (!node.startsWith('/usr/')) args.push('--ro-bind', node, node);
  for (const file of plan.readable) args.push(...bindReadable(file));
  if (plan.icd !== undefined) {
    for (const icd of plan.icd.split(path.delimiter)) args.push(...bindReadable(icd), ...bindReadable(path.dirname(icd)));
  }
  // The grader's PATH would name its folders; inside, only system ones exist.
  args.push('--chdir', '/tmp', '--setenv', 'HOME', '/tmp', '--setenv', 'PATH', '/usr/local/bin:/usr/bin:/bin');
  // prlimit (util-linux) sets the limits and then becomes the command. No core dumps (a crash
  // would write the process's memory). No RLIMIT_AS: V8 reserves ~10 GiB of address space per
  // WebAssembly memory (under 8 GiB even one page fails); resident.ts watches real memory.
  if (existsSync(prlimit)) args.push(prlimit, `--nproc=${limits.processes}`, `--fsize=${limits.fileBytes}`, `--cpu=${limits.cpuSeconds}`, '--core=0', '--');
  return [...args, ...plan.command];
}
