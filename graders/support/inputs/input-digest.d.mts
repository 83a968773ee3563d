/** Types of input-digest.mjs (plain JavaScript so the student launcher can use it uncompiled). */

/** What a remembered list holds: `key` says what it was derived for (an entry, a folder). */
export interface RememberedInputs {
  key: string;
  files: string[];
  digest: string;
  /** What was made from these inputs, e.g. a bundle's file name. */
  output?: string;
}

/** SHA-256 over each file's name and contents (or `absent`). */
export function digestFiles(root: string, files: string[]): string;

/** The list in `file`, if it was made for `key` and every file on it is unchanged. */
export function readRemembered(file: string, key: string, root: string): RememberedInputs | undefined;

/** Writes the list atomically (write, then rename). */
export function remember(file: string, remembered: RememberedInputs): void;
