/**
 * The hosted account as an HD provider (routing table: after the user's own HD keys, which cost
 * no credits). Each call is one generation charged in HD credits per mode (`hdCreditCost`);
 * the server charges only a generation it delivered, and reports the balances left, which go
 * to the account's ledger so the account panel and the reconciliation after the job see them.
 */
import type { CreditsRemaining } from '../../../../shared/hosted-api';
import type { ModeId } from '../../../../shared/modes';
import { checkImage } from '../http/image-check';
import { decodeBase64Image } from '../http/image-data';
import { CAPABILITIES, ProviderError, type Provider, type ProviderCapabilities, type ProviderOutput, type ProviderProgress, type ProviderRequest } from '../provider';
import { HOSTED_LABEL, type HostedApiClient } from './hosted-api-client';

/** Told about every generation the server charged (the account ledger). */
export interface HostedChargeListener {
  /** A hosted call is about to be sent / has settled (a sync during one is not reconciled). */
  callStarted(): void;
  callEnded(): void;
  charged(charge: { readonly mode: ModeId; readonly credits: number; readonly remaining: CreditsRemaining }): void;
}

export const HOSTED_MODELS = { standard: 'wokgen-hosted', hd: 'wokgen-hosted-hd' } as const;
const MAX_IMAGE_BYTES = 32 * 1024 * 1024;

export const HOSTED_CAPABILITIES: ProviderCapabilities = {
  id: 'hosted',
  label: HOSTED_LABEL,
  capabilities: new Set(CAPABILITIES),
  // HD only: standard generation never spends credits.
  tiers: new Set(['hd']),
  nativeNegative: true,
  needsKey: false,
  local: false,
  concurrency: 2,
  maxPromptChars: 600,
  seedMax: 2_147_483_647,
  models: HOSTED_MODELS,
};

function base64(bytes: Uint8Array): string {
  return Buffer.from(bytes).toString('base64');
}

export class HostedProvider implements Provider {
  readonly capabilities = HOSTED_CAPABILITIES;

  constructor(
    private readonly api: HostedApiClient,
    private readonly charges: HostedChargeListener,
  ) {}

  async generate(request: ProviderRequest, signal: AbortSignal, onProgress: (progress: ProviderProgress) => void): Promise<ProviderOutput> {
    if (request.tier !== 'hd') throw new ProviderError('invalid_request', 'The WokGen account only runs HD generations (standard ones run locally or on your keys).');
    onProgress({ fraction: 0.05, activity: `Generating on your ${HOSTED_LABEL}` });
    this.charges.callStarted();
    try {
      return await this.run(request, signal, onProgress);
    } finally {
      this.charges.callEnded();
    }
  }

  private async run(request: ProviderRequest, signal: AbortSignal, onProgress: (progress: ProviderProgress) => void): Promise<ProviderOutput> {
    if (request.capability === 'code') {
      const answer = await this.api.generateUiux({ prompt: request.prompt, negPrompt: request.negativePrompt, seed: request.seed, variantIndex: 0 }, signal);
      this.record(request.mode, answer.creditsCharged, answer.hdCreditsRemaining);
      onProgress({ fraction: 1 });
      return { bytes: new TextEncoder().encode(answer.text), mime: 'text/markdown', model: answer.model };
    }
    const answer = await this.api.generate(
      {
        mode: request.mode,
        tool: request.capability,
        preset: '',
        prompt: request.prompt,
        negPrompt: request.negativePrompt,
        width: request.width,
        height: request.height,
        seed: request.seed,
        variantIndex: 0,
        steps: request.steps,
        guidance: request.guidance,
        hd: true,
        ...(request.inputImage ? { inputImage: { mime: request.inputImage.mime, base64: base64(request.inputImage.bytes) } } : {}),
        ...(request.mask ? { mask: { mime: request.mask.mime, base64: base64(request.mask.bytes) } } : {}),
      },
      signal,
    );
    // Charged as soon as the server delivered, whatever we make of the bytes next.
    this.record(request.mode, answer.creditsCharged, answer.hdCreditsRemaining);
    const first = answer.images[0]!;
    const image = await checkImage(decodeBase64Image(first.base64, MAX_IMAGE_BYTES, HOSTED_LABEL), HOSTED_LABEL);
    onProgress({ fraction: 1 });
    return { bytes: image.bytes, mime: image.mime, model: answer.model };
  }

  private record(mode: ModeId, credits: number, remaining: CreditsRemaining): void {
    try {
      this.charges.charged({ mode, credits, remaining });
    } catch {
      // Bookkeeping must never turn a delivered image into a failure.
    }
  }
}
