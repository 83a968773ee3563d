import { describe, expect, it } from 'vitest';
import { adapterLimits } from './webgpu-device.ts';

describe('adapterLimits', () => {
  it('copies limits that are getters on the prototype (as Dawn exposes them), which a spread would lose', () => {
    class Limits {
      get maxStorageBuffersPerShaderStage(): number {
        return 12;
      }
      get maxBufferSize(): number {
        return 1 << 30;
      }
    }
    const adapter = { limits: new Limits() as unknown as Record<string, unknown> };
    expect({ ...adapter.limits }).toEqual({});
    expect(adapterLimits(adapter)).toEqual({ maxStorageBuffersPerShaderStage: 12, maxBufferSize: 1 << 30 });
  });

  it('keeps only numbers', () => {
    expect(adapterLimits({ limits: { maxBindGroups: 4, label: 'x', missing: undefined } })).toEqual({ maxBindGroups: 4 });
  });
});
