/**
 * The `together` provider serves images and code from one Provider object: image requests go
 * to `/v1/images/generations`, code requests stream from `/v1/chat/completions` with Together's
 * chat model (not the FLUX model routing picked from the image capabilities).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../http/clock';
import { promptLimitFor, type ProviderRequest } from '../provider';
import { startChatTestServer, type ChatTestServer } from '../text/testing/openai-compatible-server';
import { createTogetherProvider, TOGETHER_CHAT_MODELS } from './chat';

const KEY = 'tgp_v1_togetherChat_0123456789abcdef';
let server: ChatTestServer;
beforeAll(async () => {
  server = await startChatTestServer('together', { key: KEY });
});
afterAll(() => server.close());

const codeRequest: ProviderRequest = {
  mode: 'uiux',
  capability: 'code',
  tier: 'hd',
  model: 'black-forest-labs/FLUX.1.1-pro',
  prompt: 'A pricing table.',
  negativePrompt: null,
  width: 1280,
  height: 800,
  steps: 4,
  guidance: 3.5,
  sampler: '',
  scheduler: '',
  seed: 7,
};

describe('createTogetherProvider', () => {
  it('offers code beside its image tools, with the user’s image models unchanged', () => {
    const { provider } = createTogetherProvider({ baseUrl: server.baseUrl, getKey: async () => KEY, models: { standard: 'my/flux' } });
    expect([...provider.capabilities.capabilities].sort()).toEqual(['animate', 'code', 'generate', 'scene']);
    expect(provider.capabilities.models.standard).toBe('my/flux');
  });

  it('takes a UI/UX brief at the chat model’s length, image prompts at FLUX’s', () => {
    const { provider } = createTogetherProvider({ baseUrl: server.baseUrl, getKey: async () => KEY });
    expect(promptLimitFor(provider.capabilities, 'code')).toBe(16_000);
    expect(promptLimitFor(provider.capabilities, 'generate')).toBe(2000);
  });

  it('streams code from the chat endpoint with the chat model for the tier', async () => {
    const { provider } = createTogetherProvider({ baseUrl: server.baseUrl, getKey: async () => KEY, limits: { bucket: null } });
    const output = await provider.generate(codeRequest, new AbortController().signal, () => undefined);
    expect(new TextDecoder().decode(output.bytes)).toBe(server.controls.reply);
    expect((server.chatBodies().at(-1) as { model: string }).model).toBe(TOGETHER_CHAT_MODELS.hd);
  });

  it('images and code take from one rate-limit bucket (Together’s limit is per account)', async () => {
    const clock = new ManualClock();
    const { provider } = createTogetherProvider({ baseUrl: server.baseUrl, getKey: async () => KEY, clock, limits: { bucket: { capacity: 1, perMinute: 60 } } });
    await provider.generate(codeRequest, new AbortController().signal, () => undefined);
    expect(clock.sleeps).toEqual([]);
    // The code call took the only token: the image call waits a token's time before it is sent.
    await provider.generate({ ...codeRequest, mode: 'pixel', capability: 'generate', model: 'black-forest-labs/FLUX.1-schnell' }, new AbortController().signal, () => undefined).catch(() => undefined);
    expect(clock.sleeps).toEqual([1000]);
  });

  it('says what to do when no key is saved', async () => {
    const { provider } = createTogetherProvider({ baseUrl: server.baseUrl, getKey: async () => null, limits: { bucket: null } });
    await expect(provider.generate(codeRequest, new AbortController().signal, () => undefined)).rejects.toMatchObject({ kind: 'unauthorised', message: expect.stringMatching(/Settings → Providers/) });
  });
});
