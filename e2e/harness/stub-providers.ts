/**
 * Providers for end-to-end runs until the real clients land with their loopback test servers
 * (ComfyUI and cloud-provider issues): an in-process "local ComfyUI" that paints a real PNG of
 * the requested size — a coloured disc on white, so every mode's post-processing has a subject
 * — reporting progress on the way. Tests can make it fail or slow down.
 */
import sharp from 'sharp';
import type { ProviderRegistry } from '../../electron/core/pipeline/types';
import { capabilities, FakeProvider } from '../../electron/core/pipeline/testing';
import { ProviderError, type ProviderId, type ProviderRequest } from '../../electron/core/providers/provider';

export interface StubControls {
  /** Milliseconds each image takes (progress is reported in 4 steps). */
  latencyMs: number;
  /** When set, every request fails with this kind. */
  failWith: ProviderError['kind'] | null;
  /** What a code request (UI/UX) answers, as a chat model would; unset = a small Tailwind card. */
  codeAnswer?: string;
  /** When set, every request a stub receives is appended (tests read what was sent: mask, input image). */
  requests?: ProviderRequest[];
}

/** A chat model's typical answer: one fenced block of the asked-for code. */
export const DEFAULT_CODE_ANSWER =
  'Here is the component:\n```html\n<section class="p-6 bg-slate-900 text-white rounded-xl"><h2 class="text-2xl font-bold">Ship faster</h2><p class="mt-2 text-slate-300">A test card.</p><button class="mt-4 px-4 py-2 bg-violet-500 rounded">Start</button></section>\n```';

export function createStubProviders(controls: StubControls): { registry: ProviderRegistry; comfy: FakeProvider } {
  const comfy = new FakeProvider(capabilities('comfyui', { label: 'ComfyUI (test stub)', concurrency: 1, local: true }), async (request, signal, onProgress) => {
    controls.requests?.push(request);
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
  // A "local LLM server" for the UI/UX studio's code: answers as a chat model does.
  const llm = new FakeProvider(capabilities('local-llm', { label: 'Local LLM (test stub)', concurrency: 1, local: true, capabilities: new Set(['code']) }), async (request, _signal, onProgress) => {
    if (controls.failWith) throw new ProviderError(controls.failWith, `stub configured to fail with ${controls.failWith}`);
    onProgress({ fraction: 1, step: 1, total: 1 });
    return { bytes: new TextEncoder().encode(controls.codeAnswer ?? DEFAULT_CODE_ANSWER), mime: 'text/plain', model: request.model };
  });
  const byId = new Map<ProviderId, FakeProvider>([
    ['comfyui', comfy],
    ['local-llm', llm],
  ]);
  return {
    comfy,
    registry: { available: () => [comfy.capabilities, llm.capabilities], get: (id: ProviderId) => byId.get(id) },
  };
}
