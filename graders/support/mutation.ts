/**
 * Did the student's function change its inputs? The student's process sends the arguments back
 * as they were after the call; this compares them, here, with what was sent.
 */
import { formatNumber } from './format.ts';
import { unflatten } from './compare.ts';
import { isWireNd, isWireTensor, type Wire } from './sandbox/wire.ts';

function describeArray(argIndex: number, shape: number[], before: ArrayLike<number>, after: unknown): string | undefined {
  if (after === null || typeof after !== 'object') return `argument ${argIndex + 1} could not be read back after the call`;
  const a = isWireNd(after) ? after.$nd : isWireTensor(after) ? after.$tensor : undefined;
  if (a === undefined) return `argument ${argIndex + 1} is no longer an array`;
  if (a.shape.length !== shape.length || a.shape.some((n, i) => n !== shape[i])) {
    return `argument ${argIndex + 1} changed shape from [${shape.join(', ')}] to [${a.shape.join(', ')}]`;
  }
  for (let i = 0; i < before.length; i++) {
    if (!Object.is(before[i], a.data[i])) {
      return `argument ${argIndex + 1} at [${unflatten(i, shape).join(', ')}] was ${formatNumber(before[i])}, is now ${formatNumber(a.data[i])}`;
    }
  }
  return undefined;
}

/**
 * A sentence describing the first change to any ndarray or tensor argument, or undefined when
 * every argument is as it was sent. Plain values (options objects) are compared by JSON.
 */
export function describeMutation(sent: Wire[], after: Wire[]): string | undefined {
  for (let i = 0; i < sent.length; i++) {
    const before = sent[i];
    const now = after[i];
    if (typeof now === 'string' && now.startsWith('unreadable:')) {
      return `argument ${i + 1} became unreadable (${now.slice('unreadable: '.length)})`;
    }
    if (isWireNd(before)) {
      const found = describeArray(i, before.$nd.shape, before.$nd.data, now);
      if (found !== undefined) return found;
    } else if (isWireTensor(before)) {
      const found = describeArray(i, before.$tensor.shape, before.$tensor.data, now);
      if (found !== undefined) return found;
    } else if (before !== null && typeof before === 'object' && JSON.stringify(before) !== JSON.stringify(now)) {
      return `argument ${i + 1} was ${JSON.stringify(before)}, is now ${JSON.stringify(now)}`;
    }
  }
  return undefined;
}
