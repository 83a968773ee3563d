/**
 * A yes/no question on the terminal. Only asked when both stdin and stdout are a TTY: without
 * one a command must not wait for an answer (it asks for a flag such as `--yes` instead).
 */
import { createInterface } from 'node:readline/promises';

/** Whether a question can be asked. */
export function canAsk(): boolean {
  return process.stdin.isTTY === true && process.stdout.isTTY === true;
}

/**
 * Asks `question` (suffixed with ` [y/N] `); true only for y or yes. Ctrl-C or end of input is a no.
 *
 * @example if (await confirm('Replace the file?')) …
 */
export async function confirm(question: string): Promise<boolean> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  const closed = new Promise<string>((resolve) => terminal.once('close', () => resolve('')));
  terminal.on('SIGINT', () => terminal.close());
  try {
    const answer = await Promise.race([terminal.question(`${question} [y/N] `), closed]);
    return /^\s*y(es)?\s*$/i.test(answer);
  } finally {
    terminal.close();
  }
}
