/**
 * One provider id, two clients: Together AI makes images *and* code (issue 5 §3), but routing
 * and the registry know one Provider per id. This composes the image client with the chat
 * client and dispatches on `request.capability`; neither client knows about the other.
 */
import { type Capability, promptLimitFor, type Provider, type ProviderCapabilities, type ProviderOutput, type ProviderProgress, type ProviderRequest, type Tier } from '../provider';

export interface CodeModels {
  readonly standard: string;
  readonly hd?: string | undefined;
}

export class ImageAndCodeProvider implements Provider {
  readonly capabilities: ProviderCapabilities;

  constructor(
    private readonly images: Provider,
    private readonly code: Provider,
    /** The chat models: the capabilities' `models` stay the image models the user picks. */
    private readonly codeModels: CodeModels,
  ) {
    const caps = images.capabilities;
    this.capabilities = {
      ...caps,
      capabilities: new Set<Capability>([...caps.capabilities, 'code']),
      tiers: new Set<Tier>([...caps.tiers, ...code.capabilities.tiers]),
      // A UI/UX brief goes to the chat model, not FLUX's ~512-token encoder: the image
      // client's limit would cut it. The chat client's own limit applies to code.
      maxPromptCharsByCapability: { ...caps.maxPromptCharsByCapability, code: promptLimitFor(code.capabilities, 'code') },
    };
  }

  generate(request: ProviderRequest, signal: AbortSignal, onProgress: (progress: ProviderProgress) => void): Promise<ProviderOutput> {
    if (request.capability !== 'code') return this.images.generate(request, signal, onProgress);
    // The pipeline picked the model from `capabilities.models` (images); code uses the chat model.
    const model = (request.tier === 'hd' ? this.codeModels.hd : undefined) ?? this.codeModels.standard;
    return this.code.generate({ ...request, model }, signal, onProgress);
  }
}
