/**
 * What a student's process did to its environment besides answering, in words: refused attempts
 * (processes, file writes), kernel registry changes, a backend switch. Read from the runner's
 * hygiene report after a driver op or a call (exercise.ts) and after importing the module (client.ts).
 */
import type { Hygiene } from './wire.ts';

/**
 * One phrase per kind of tampering; empty when there was none.
 *
 * @param hygiene - the runner's report (Hygiene, or the load report, which has the same fields)
 * @param backend - the backend being graded: any other `backendAfter` is a switch
 * @param switchNote - added after "switched the tfjs backend to X" (e.g. " while grading cpu")
 * @example tamperingOf({ attempts: ['fs.writeFileSync /tmp/x'], registryChanged: [], backendAfter: 'cpu' }, 'cpu') → ['tried fs.writeFileSync /tmp/x (refused)']
 */
export function tamperingOf(hygiene: Hygiene, backend: string, switchNote = ''): string[] {
  return [
    ...hygiene.attempts.map((a) => `tried ${a} (refused)`),
    ...(hygiene.registryChanged.length > 0 ? [`changed the tfjs kernel registry (${hygiene.registryChanged.join(', ')})`] : []),
    ...(hygiene.backendAfter !== backend ? [`switched the tfjs backend to ${hygiene.backendAfter}${switchNote}`] : []),
  ];
}
