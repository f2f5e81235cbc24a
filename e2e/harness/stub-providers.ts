/**
 * Providers for end-to-end runs until the real clients land with their loopback test servers
 * (ComfyUI and cloud-provider issues): an in-process "local ComfyUI" that paints a real PNG of
 * the requested size — a coloured disc on white, so every mode's post-processing has a subject
 * — reporting progress on the way. Tests can make it fail or slow down.
 */
import sharp from 'sharp';
import type { ProviderRegistry } from '../../electron/core/pipeline/types';
import { capabilities, FakeProvider } from '../../electron/core/pipeline/testing';
import { ProviderError, type ProviderId } from '../../electron/core/providers/provider';

export interface StubControls {
  /** Milliseconds each image takes (progress is reported in 4 steps). */
  latencyMs: number;
  /** When set, every request fails with this kind. */
  failWith: ProviderError['kind'] | null;
}

export function createStubProviders(controls: StubControls): { registry: ProviderRegistry; comfy: FakeProvider } {
  const comfy = new FakeProvider(capabilities('comfyui', { label: 'ComfyUI (test stub)', concurrency: 1, local: true }), async (request, signal, onProgress) => {
    if (controls.failWith) throw new ProviderError(controls.failWith, `stub configured to fail with ${controls.failWith}`);
    for (let step = 1; step <= 4; step += 1) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, controls.latencyMs / 4);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        }, { once: true });
      });
      onProgress({ fraction: step / 4, step, total: 4 });
    }
    const { width, height } = request;
    const r = Math.floor(Math.min(width, height) / 3);
    const disc = Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><circle cx="${width / 2}" cy="${height / 2}" r="${r}" fill="#7c3aed"/></svg>`);
    const bytes = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).composite([{ input: disc }]).png().toBuffer();
    return { bytes, mime: 'image/png', model: request.model };
  });
  return {
    comfy,
    registry: { available: () => [comfy.capabilities], get: (id: ProviderId) => (id === 'comfyui' ? comfy : undefined) },
  };
}
