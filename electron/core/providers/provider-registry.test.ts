import { describe, expect, it } from 'vitest';
import { capabilities, FakeProvider } from '../pipeline/testing';
import { LiveProviderRegistry } from './provider-registry';

const png = async () => ({ bytes: new Uint8Array([1]), mime: 'image/png', model: 'm' });

describe('LiveProviderRegistry', () => {
  it('lists and hands out only the providers available now', () => {
    let comfyUp = false;
    const comfy = new FakeProvider(capabilities('comfyui'), png);
    const together = new FakeProvider(capabilities('together'), png);
    const registry = new LiveProviderRegistry([
      { id: 'comfyui', provider: () => comfy, isAvailable: () => comfyUp },
      { id: 'together', provider: () => together, isAvailable: () => true },
    ]);
    expect(registry.available().map((c) => c.id)).toEqual(['together']);
    expect(registry.get('comfyui')).toBeUndefined();
    comfyUp = true;
    expect(registry.available().map((c) => c.id)).toEqual(['comfyui', 'together']);
    expect(registry.get('comfyui')).toBe(comfy);
    expect(registry.get('fal')).toBeUndefined();
  });

  it('replaces a source added again under the same id', () => {
    const a = new FakeProvider(capabilities('fal'), png);
    const b = new FakeProvider(capabilities('fal'), png);
    const registry = new LiveProviderRegistry([{ id: 'fal', provider: () => a, isAvailable: () => true }]);
    registry.add({ id: 'fal', provider: () => b, isAvailable: () => true });
    expect(registry.get('fal')).toBe(b);
    expect(registry.ids()).toEqual(['fal']);
  });
});
