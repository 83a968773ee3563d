/**
 * Watches a folder (not its files: editors that save by writing a new file and renaming it over
 * the old one replace the inode a file watch would follow) and calls `onChange` once a burst of
 * events has been quiet for `debounceMs`. If the folder disappears it polls until it is back.
 */
import { existsSync, watch, type FSWatcher } from 'node:fs';

export interface WatchFolderOptions {
  /** Which file names matter (e.g. not editor swap files). A null name (unknown) always does. */
  accept: (name: string) => boolean;
  /** Quiet time after the last event before `onChange` (default 150 ms). */
  debounceMs?: number;
  onChange: () => void;
}

/** Starts watching `dir`; returns a function that stops it. */
export function watchFolder(dir: string, options: WatchFolderOptions): () => void {
  const debounceMs = options.debounceMs ?? 150;
  let watcher: FSWatcher | undefined;
  let timer: NodeJS.Timeout | undefined;
  let poll: NodeJS.Timeout | undefined;

  const changed = (): void => {
    clearTimeout(timer);
    timer = setTimeout(options.onChange, debounceMs);
  };
  const detach = (): void => {
    watcher?.close();
    watcher = undefined;
    changed();
    poll ??= setInterval(() => {
      if (!existsSync(dir)) return;
      clearInterval(poll);
      poll = undefined;
      attach();
      changed();
    }, 500);
  };
  function attach(): void {
    try {
      watcher = watch(dir, (_event, name) => {
        if (!existsSync(dir)) return detach();
        if (name === null || options.accept(name.toString())) changed();
      });
      watcher.on('error', detach);
    } catch {
      detach();
    }
  }

  attach();
  return () => {
    watcher?.close();
    clearTimeout(timer);
    clearInterval(poll);
  };
}
