import { describe, expect, test } from 'vitest';
import { tamperingOf } from './tampering.ts';

describe('tamperingOf', () => {
  test('nothing to report when nothing was refused, no kernel changed and the backend stayed', () => {
    expect(tamperingOf({ attempts: [], registryChanged: [], backendAfter: 'cpu' }, 'cpu')).toEqual([]);
  });

  test('one phrase per kind, in order, the backend switch with its note', () => {
    const hygiene = { attempts: ['fs.writeFileSync /tmp/x', 'child_process.spawn ls'], registryChanged: ['Conv2D', 'MatMul'], backendAfter: 'wasm' };
    expect(tamperingOf(hygiene, 'cpu', ' while grading cpu')).toEqual([
      'tried fs.writeFileSync /tmp/x (refused)',
      'tried child_process.spawn ls (refused)',
      'changed the tfjs kernel registry (Conv2D, MatMul)',
      'switched the tfjs backend to wasm while grading cpu',
    ]);
  });
});
