/**
 * Test doubles for the pipeline: a minimal mode engine, scriptable in-process providers that
 * return real PNG bytes, and an asset store writing real files. Not imported by app code.
 */
import sharp from 'sharp';
import { z } from 'zod';
import { GenerationBaseSchema, idsOf, sizeSchema, type ModeSpec } from '../../../shared/mode-spec';
import type { ModeId } from '../../../shared/modes';
import type { ModeEngine } from '../modes/engine';
import type { Capability, Provider, ProviderCapabilities, ProviderId, ProviderOutput, ProviderProgress, ProviderRequest, Tier } from '../providers/provider';
import type { EngineRegistry, ModeRequest } from './types';

const SPEC: ModeSpec<'generate' | 'rotate', 'raw' | 'icon'> = {
  mode: 'pixel',
  tools: [
    { id: 'generate', label: 'Generate', description: 'Text to image', output: 'image', maxBatch: 4, input: 'none' },
    { id: 'rotate', label: 'Rotate', description: 'From an image', output: 'image', maxBatch: 1, input: 'image' },
  ],
  presets: [
    { id: 'raw', label: 'Raw', description: 'No style', example: 'a sword' },
    { id: 'icon', label: 'Icon', description: 'An icon', example: 'a potion' },
  ],
  defaultTool: 'generate',
  defaultPreset: 'raw',
  sizes: { min: 16, max: 512, default: 64, choices: [64] },
  hdCreditsPerGeneration: 1,
};

/** A small but honest engine: real schema, prompt wrapping, banks, profile and post-processing. */
export function testEngine(mode: ModeId): ModeEngine<ModeRequest> {
  const schema = GenerationBaseSchema.extend({
    mode: z.literal(mode),
    tool: z.enum(idsOf(SPEC.tools)).default('generate'),
    preset: z.enum(idsOf(SPEC.presets)).default('raw'),
    size: sizeSchema(SPEC.sizes),
    controls: z.object({ tint: z.string().default('none') }).strict().default({ tint: 'none' }),
  }).strict();
  return {
    mode,
    spec: { ...SPEC, mode },
    requestSchema: schema as unknown as z.ZodType<ModeRequest>,
    conflictingTerms: ['photorealistic'],
    buildPrompt: (request, userPrompt, { compact }) => (compact ? `${userPrompt}, ${mode}` : `${mode} style, ${request.preset} preset, ${userPrompt}, crisp`),
    negativeBank: (request) => ['blurry', 'watermark', `${request.tool} artefacts`],
    qualityProfile: (request, tier) => ({ steps: tier === 'hd' ? 40 : 20, guidance: 7, width: 256, height: 256, sampler: 'euler', scheduler: 'normal' }),
    variantMutation: (_request, slot) => ['', 'from a new angle', 'in warm light', 'with a richer palette'][slot] ?? '',
    postProcess: async (request, image, signal) => {
      signal.throwIfAborted();
      const bytes = await sharp(image.bytes).resize(request.size, request.size, { kernel: 'nearest' }).png().toBuffer();
      return { kind: 'image', mime: 'image/png', extension: 'png', bytes, width: request.size, height: request.size, notes: [`resized to ${request.size}`] };
    },
  };
}

export function testEngines(): EngineRegistry {
  return { pixel: testEngine('pixel'), business: testEngine('business'), uiux: testEngine('uiux'), vector: testEngine('vector'), emoji: testEngine('emoji') };
}

export async function pngBytes(width = 256, height = 256, colour = '#a78bfa'): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 4, background: colour } }).png().toBuffer();
}

export function capabilities(id: ProviderId, overrides: Partial<ProviderCapabilities> = {}): ProviderCapabilities {
  return {
    id,
    label: id,
    capabilities: new Set<Capability>(['generate', 'scene', 'rotate', 'inpaint', 'animate', 'code']),
    tiers: new Set<Tier>(['standard', 'hd']),
    nativeNegative: true,
    needsKey: false,
    local: id === 'comfyui',
    concurrency: 4,
    maxPromptChars: 800,
    seedMax: 0xffff_ffff,
    models: { standard: `${id}-standard-model`, hd: `${id}-hd-model` },
    ...overrides,
  };
}

export type Behaviour = (request: ProviderRequest, signal: AbortSignal, onProgress: (p: ProviderProgress) => void) => Promise<ProviderOutput>;

/** An in-process provider whose behaviour a test scripts; it records every request. */
export class FakeProvider implements Provider {
  readonly requests: ProviderRequest[] = [];
  active = 0;
  maxActive = 0;

  constructor(
    readonly capabilities: ProviderCapabilities,
    private behaviour: Behaviour,
  ) {}

  setBehaviour(behaviour: Behaviour): void {
    this.behaviour = behaviour;
  }

  async generate(request: ProviderRequest, signal: AbortSignal, onProgress: (p: ProviderProgress) => void): Promise<ProviderOutput> {
    this.requests.push(request);
    this.active += 1;
    this.maxActive = Math.max(this.maxActive, this.active);
    try {
      return await this.behaviour(request, signal, onProgress);
    } finally {
      this.active -= 1;
    }
  }
}

/** Returns a real PNG after reporting progress; optional latency that honours the signal. */
export function succeeds(latencyMs = 0): Behaviour {
  return async (request, signal, onProgress) => {
    onProgress({ fraction: 0.5, step: 1, total: 2 });
    if (latencyMs > 0) {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, latencyMs);
        signal.addEventListener('abort', () => {
          clearTimeout(timer);
          reject(signal.reason);
        }, { once: true });
      });
    }
    onProgress({ fraction: 1, step: 2, total: 2 });
    return { bytes: await pngBytes(request.width, request.height), mime: 'image/png', model: request.model };
  };
}

