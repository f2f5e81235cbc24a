/**
 * Stages 1–8 of the pipeline: everything decided before a provider is called. Pure apart from
 * reading the library and the provider list, so `preview` can run them without generating,
 * and every bad input fails here — before anything is queued or written.
 */
import { AppFailure } from '../../../shared/errors';
import { isModeId, MODES } from '../../../shared/modes';
import type { WorkspaceRow } from '../library';
import { zodErrorToAppError } from '../ipc/dispatch';
import type { QualityProfile, QualityTier } from '../modes/engine';
import { assembleNegatives } from '../prompt/negatives';
import type { PromptEngineChoice } from '../prompt/prompt-engine';
import { PromptRejected, validatePrompt } from '../prompt/validate-prompt';
import type { ProviderCapabilities, ProviderId } from '../providers/provider';
import { PROVIDER_IDS } from '../providers/provider';
import { capabilityFor, resolveProviderChain } from '../providers/routing';
import { randomSeed } from './seeds';
import type { AnyModeEngine, EngineRegistry, ModeRequest } from './types';

/** More queued jobs than this and the studio is asked to wait (stage 1 guard). */
export const MAX_QUEUED_JOBS = 64;

export interface SlotPlan {
  /** Batch slot, or frame index for a frame set. */
  readonly slot: number;
  /** The base seed for this slot; wrapped into each provider's range at dispatch. */
  readonly seed: number;
  /** The variant mutation appended to the prompt ('' for slot 0). */
  readonly mutation: string;
}

export interface GenerationPlan {
  readonly request: ModeRequest;
  readonly engine: AnyModeEngine;
  readonly workspace: WorkspaceRow;
  readonly tier: QualityTier;
  /** The user's prompt after validation (the builder wraps it per provider). */
  readonly userPrompt: string;
  readonly negatives: ReadonlyArray<string>;
  readonly warnings: ReadonlyArray<string>;
  readonly baseSeed: number;
  readonly slots: ReadonlyArray<SlotPlan>;
  readonly chain: ReadonlyArray<ProviderCapabilities>;
  readonly profile: QualityProfile;
  /** Set for tools that render a frame set (pixel animate): the slots are its frames. */
  readonly frames: { readonly count: number; readonly fps: number } | null;
}

export interface PlanDeps {
  readonly engines: EngineRegistry;
  readonly workspaces: { get(id: string): WorkspaceRow | undefined };
  readonly availableProviders: () => ReadonlyArray<ProviderCapabilities>;
  readonly queuedJobs: () => number;
  readonly randomSeed?: () => number;
  /** Which prompt engine builds the prompt; a warning when the requested one is unavailable. */
  readonly promptEngine?: () => PromptEngineChoice;
}

/** Stage 1 — guard: a bounded queue, and HD only where an HD-capable provider exists (checked at routing). */
export function guard(deps: Pick<PlanDeps, 'queuedJobs'>): void {
  if (deps.queuedJobs() >= MAX_QUEUED_JOBS) {
    throw new AppFailure('rate_limited', `${MAX_QUEUED_JOBS} generations are already waiting. Let some finish (or cancel them) and try again.`);
  }
}

/** Stage 2 — parse: the mode's own schema, then the workspace, whose mode must match. */
export function parse(raw: unknown, deps: Pick<PlanDeps, 'engines' | 'workspaces'>): { request: ModeRequest; engine: AnyModeEngine; workspace: WorkspaceRow } {
  const mode = typeof raw === 'object' && raw !== null ? (raw as { mode?: unknown }).mode : undefined;
  if (!isModeId(mode)) throw new AppFailure('invalid_input', 'Choose a mode: pixel, business, uiux, vector or emoji.', 'mode');
  const engine = deps.engines[mode];
  const parsed = engine.requestSchema.safeParse(raw);
  if (!parsed.success) {
    const error = zodErrorToAppError(parsed.error);
    throw new AppFailure(error.code, error.message, error.field);
  }
  const request = parsed.data;
  const tool = engine.spec.tools.find((t) => t.id === request.tool);
  if (tool?.input === 'none' && request.inputAssetId !== undefined) {
    throw new AppFailure('invalid_input', `The ${tool.label} tool does not start from an image; choose Rotate, Inpaint or another image tool.`, 'inputAssetId');
  }
  const workspace = deps.workspaces.get(request.workspaceId);
  if (!workspace) throw new AppFailure('not_found', 'This workspace no longer exists in the library.', 'workspaceId');
  if (workspace.mode !== request.mode) {
    throw new AppFailure(
      'invalid_input',
      `"${workspace.name}" is a ${MODES[workspace.mode].name} workspace; generate ${MODES[request.mode].name} assets in a ${MODES[request.mode].name} workspace.`,
      'mode',
    );
  }
  return { request, engine, workspace };
}

/**
 * Stage 3 — variants: slot 0 canonical; slots 1–3 get the mode's mutation; seeds are offset at
 * dispatch. A frame set (pixel animate) gets one slot per frame, each worded as its phase.
 */
export function planVariants(request: ModeRequest, engine: AnyModeEngine, baseSeed: number): SlotPlan[] {
  const frames = engine.frameSet?.(request);
  if (frames) return Array.from({ length: frames.count }, (_, slot) => ({ slot, seed: baseSeed, mutation: frames.frameMutation(slot) }));
  return Array.from({ length: request.batch }, (_, slot) => ({
    slot,
    seed: baseSeed,
    mutation: slot === 0 ? '' : engine.variantMutation(request, slot as 1 | 2 | 3),
  }));
}

/** Stage 4 — prompt: validate and sanitise; a prompt with nothing usable left is refused. */
export function preparePrompt(request: ModeRequest, engine: AnyModeEngine): { userPrompt: string; userNegative: string; warnings: ReadonlyArray<string> } {
  try {
    const result = validatePrompt(request.prompt, request.negativePrompt, { name: MODES[request.mode].name, conflictingTerms: engine.conflictingTerms });
    return { userPrompt: result.prompt, userNegative: result.negative, warnings: result.warnings };
  } catch (error) {
    if (error instanceof PromptRejected) throw new AppFailure('invalid_input', error.message, error.field);
    throw error;
  }
}

/** Stage 5 — negatives: the user's terms first, then the mode's global, tool and preset banks. */
export function prepareNegatives(userNegative: string, request: ModeRequest, engine: AnyModeEngine): string[] {
  return assembleNegatives(userNegative, engine.negativeBank(request));
}

/** Stage 7 — routing: the ordered chain of available providers that can do this tool at this tier. */
export function route(request: ModeRequest, tier: QualityTier, available: ReadonlyArray<ProviderCapabilities>): ProviderCapabilities[] {
  const only = request.provider;
  if (only !== undefined && !(PROVIDER_IDS as ReadonlyArray<string>).includes(only)) {
    throw new AppFailure('invalid_input', `Unknown provider "${only}".`, 'provider');
  }
  const chain = resolveProviderChain({ mode: request.mode, tool: request.tool, tier, available, only: only as ProviderId | undefined });
  if (chain.length > 0) return chain;
  const capability = capabilityFor(request.mode, request.tool);
  if (only !== undefined) {
    throw new AppFailure('no_provider', `${only} is not available for ${capability} at ${tier === 'hd' ? 'HD' : 'standard'} quality. Choose another provider or let the studio pick.`, 'provider');
  }
  const what = capability === 'code' ? 'a local LLM server (Ollama, LM Studio) or a Together.ai key' : 'a local ComfyUI or a provider key';
  throw new AppFailure(
    'no_provider',
    tier === 'hd'
      ? `No HD-capable provider is available. Add a fal.ai or Replicate key, or sign in to your WokGen account, in Settings → Providers.`
      : `No provider can run this yet. Set up ${what} in Settings → Providers.`,
    tier === 'hd' ? 'hd' : 'provider',
  );
}

/** Stage 8 — quality profile: steps, guidance, size and sampler for the preset and tier. */
export function resolveQuality(request: ModeRequest, engine: AnyModeEngine, tier: QualityTier): QualityProfile {
  return engine.qualityProfile(request, tier);
}

/** Stages 1–5, 7 and 8 (stage 6, negative encoding, is per provider and happens at dispatch). */
export function planGeneration(raw: unknown, deps: PlanDeps, options: { readonly requireProvider: boolean } = { requireProvider: true }): GenerationPlan {
  // A preview queues nothing, so a full queue does not stop it.
  if (options.requireProvider) guard(deps);
  const { request, engine, workspace } = parse(raw, deps);
  const tier: QualityTier = request.hd ? 'hd' : 'standard';
  const baseSeed = request.seed ?? (deps.randomSeed ?? randomSeed)();
  const slots = planVariants(request, engine, baseSeed);
  const prepared = preparePrompt(request, engine);
  const { userPrompt, userNegative } = prepared;
  const engineWarning = deps.promptEngine?.().warning;
  const warnings = engineWarning ? [...prepared.warnings, engineWarning] : prepared.warnings;
  const negatives = prepareNegatives(userNegative, request, engine);
  let chain: ProviderCapabilities[] = [];
  let routeWarnings: string[] = [];
  try {
    chain = route(request, tier, deps.availableProviders());
  } catch (error) {
    // A preview still shows the prompt when no provider is set up yet, and says what to do.
    if (options.requireProvider || !(error instanceof AppFailure) || error.code !== 'no_provider') throw error;
    routeWarnings = [error.message];
  }
  const profile = resolveQuality(request, engine, tier);
  const frameSet = engine.frameSet?.(request);
  const frames = frameSet ? { count: frameSet.count, fps: frameSet.fps } : null;
  return { request, engine, workspace, tier, userPrompt, negatives, warnings: [...warnings, ...routeWarnings], baseSeed, slots, chain, profile, frames };
}
