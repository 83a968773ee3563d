/**
 * An esbuild plugin that confines what a submission's bundle may contain to files whose REAL path
 * lies in the submission's own folder, the course's `datasets/` code or `node_modules/`. Path
 * text is not trusted: `/proc/self/cwd/solutions/…`, an absolute path, `../../..` and a symbolic
 * link are all resolved (fs.realpathSync) before the check. Compile-time reads of other files are
 * refused too: import attributes (`with { type: 'text' }`), loaders other than TypeScript and
 * JavaScript, and URL specifiers. Files pulled in by a template-string `require()` glob are
 * checked when loaded, so a glob can only reach the submission's own files.
 */
import type { Plugin } from 'esbuild';
import { realpathSync } from 'node:fs';
import path from 'node:path';
import { shortPath } from '../paths.ts';

/** A folder the bundle may not import from, with the reason shown when it does. */
export interface ForbiddenDir {
  dir: string;
  reason: string;
}

const codeExtensions = new Set(['.ts', '.mts', '.cts', '.js', '.mjs', '.cjs']);
const inner = Symbol('confine: resolving');

function real(file: string): string {
  try {
    return realpathSync(file);
  } catch {
    return path.resolve(file);
  }
}

function inside(file: string, dir: string): boolean {
  return file === dir || file.startsWith(dir + path.sep);
}

/**
 * @param roots folders the bundle may read (their real paths are used), e.g. the submission's
 *   exercise folder, `datasets/`, `node_modules/`
 * @param forbidden checked first, for a specific message (e.g. the hidden solutions: flagged)
 */
export function confine(roots: string[], forbidden: ForbiddenDir[] = []): Plugin {
  const allowed = roots.map(real);
  const rules = forbidden.map((r) => ({ dir: real(r.dir), reason: r.reason }));
  /** Why `file` may not be bundled, or undefined when it may. */
  const refusal = (file: string): string | undefined => {
    const resolved = real(file);
    const rule = rules.find((r) => inside(resolved, r.dir));
    if (rule !== undefined) return `imports ${shortPath(resolved)}: ${rule.reason}`;
    if (!allowed.some((dir) => inside(resolved, dir))) {
      return `imports ${shortPath(resolved)}, outside your exercise folder: a submission may import only its own files and npm packages`;
    }
    return undefined;
  };
  return {
    name: 'confine-submission',
    setup(build) {
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData === inner) return undefined;
        const attributes = Object.entries(args.with ?? {}).map(([key, value]) => `${key}: '${value}'`);
        if (attributes.length > 0)
          return { errors: [{ text: `imports '${args.path}' with { ${attributes.join(', ')} }: import attributes are not allowed in a submission` }] };
        if (args.kind === 'entry-point') return undefined;
        const bare = !args.path.startsWith('.') && !path.isAbsolute(args.path);
        // npm packages and Node built-ins stay imports (resolved at run time, in the sandbox).
        if (bare && !/^[a-z][a-z0-9+.-]*:/i.test(args.path)) return undefined;
        if (bare && !args.path.startsWith('node:')) return { errors: [{ text: `imports '${args.path}': URL imports are not allowed in a submission` }] };
        if (bare) return undefined;
        const resolved = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir, pluginData: inner });
        if (resolved.errors.length > 0 || resolved.external) return resolved.errors.length > 0 ? { errors: resolved.errors } : undefined;
        const why = refusal(resolved.path);
        return why === undefined ? { path: resolved.path } : { errors: [{ text: why }] };
      });
      build.onLoad({ filter: /.*/ }, (args) => {
        const why = refusal(args.path);
        if (why !== undefined) return { errors: [{ text: why }] };
        if (!codeExtensions.has(path.extname(args.path))) {
          return { errors: [{ text: `imports ${shortPath(args.path)}: a submission may import only TypeScript and JavaScript files` }] };
        }
        return undefined;
      });
    },
  };
}
