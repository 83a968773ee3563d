/**
 * Files under some paths of a folder, walked in a stable order: what a declared data folder or a
 * grader folder holds.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

/**
 * Repository-relative, `/`-separated paths of the files under `paths` (folders are walked; a file
 * is itself; a missing path gives nothing), in walking order.
 *
 * @example listFiles('/repo', ['datasets/models/bars-cnn']) → ['datasets/models/bars-cnn/README.md', 'datasets/models/bars-cnn/model.json', …]
 */
export function listFiles(root: string, paths: string[]): string[] {
  const out: string[] = [];
  const walk = (relative: string): void => {
    const absolute = path.join(root, relative);
    if (!existsSync(absolute)) return;
    if (statSync(absolute).isDirectory()) {
      for (const entry of readdirSync(absolute).sort()) walk(path.join(relative, entry));
    } else {
      out.push(relative.split(path.sep).join('/'));
    }
  };
  for (const p of paths) walk(p);
  return out;
}
