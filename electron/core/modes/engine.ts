/**
 * What every mode engine implements. A mode *describes* (prompt, negatives, quality, variants,
 * post-processing); the pipeline *routes and runs*. Mode folders import only shared/, this
 * file and libraries — never another mode (lint enforces it).
 */
import type { z } from 'zod';
import type { ModeSpec } from '../../../shared/mode-spec';
import type { ModeId } from '../../../shared/modes';

export type QualityTier = 'standard' | 'hd';

export interface QualityProfile {
  readonly steps: number;
  readonly guidance: number;
  /** What the provider is asked to render (post-processing may resize to the target). */
  readonly width: number;
  readonly height: number;
  /** ComfyUI/A1111 sampler and scheduler names (e.g. `euler`, `dpmpp_2m` / `normal`, `karras`). */
  readonly sampler: string;
  readonly scheduler: string;
}

/** Options for the positive prompt. */
export interface PromptOptions {
  /**
   * Short form for providers with tight prompt limits (Pollinations puts the prompt in a URL):
   * keep the user's words and the most important style tokens, drop the rest.
   */
  readonly compact: boolean;
}

/** The provider's raw output handed to post-processing. */
export interface ProviderImage {
  readonly bytes: Uint8Array;
  readonly mime: string;
}

/** One processed file to write into the workspace (the original is kept beside it by the pipeline). */
export interface ProcessedOutput {
  readonly kind: 'image' | 'svg' | 'code';
  readonly mime: string;
  /** File extension without the dot: png, svg, tsx… */
  readonly extension: string;
  readonly bytes: Uint8Array;
  readonly width: number | null;
  readonly height: number | null;
  /** What post-processing did, for the job details (e.g. "quantised to 16 colours"). */
  readonly notes: ReadonlyArray<string>;
}

export interface FrameSetPlan {
  readonly count: number;
  readonly fps: number;
  /** The phrase appended to the prompt for frame `index` (0-based), e.g. "walk cycle, frame 3 of 8, passing pose". */
  frameMutation(index: number): string;
}

export interface ModeEngine<Request extends { mode: ModeId; tool: string; preset: string }> {
  readonly mode: ModeId;
  readonly spec: ModeSpec<Request['tool'], Request['preset']>;
  /** The zod schema of this mode's generation request (from shared/mode-specs/<mode>.ts). */
  readonly requestSchema: z.ZodType<Request>;
  /**
   * Words and phrases that contradict this mode (e.g. "photorealistic" in pixel, "pixel art"
   * in business). The prompt validator removes them from the user's prompt with a warning.
   */
  readonly conflictingTerms: ReadonlyArray<string>;
  /** The positive prompt for slot 0: the user's (validated) prompt wrapped in the mode's tokens. */
  buildPrompt(request: Request, userPrompt: string, options: PromptOptions): string;
  /** Negative terms in priority order: mode/global bank, then tool, then preset (no user terms). */
  negativeBank(request: Request): ReadonlyArray<string>;
  /**
   * `slot` (0–3) lets a pack give each batch slot its own target — a brand kit's parts have
   * different sizes. Engines without per-slot targets ignore it.
   */
  qualityProfile(request: Request, tier: QualityTier, slot?: number): QualityProfile;
  /**
   * The mutation for batch slot 1 (perspective/pose), 2 (lighting/mood) or 3 (detail
   * density/colour), worded for the mode and the preset's family; appended to the prompt.
   */
  variantMutation(request: Request, slot: 1 | 2 | 3): string;
  /**
   * Tools that produce a frame set (pixel animate) instead of a batch: how many frames, their
   * frame rate, and the wording of each frame. The pipeline renders one image per frame
   * (seed + i × 137) and keeps them together as one asset group. Absent = no frame sets.
   */
  frameSet?(request: Request): FrameSetPlan | null;
  /** Turns the provider's image into the mode's deliverable (exact size, palette, transparency, SVG…). */
  postProcess(request: Request, image: ProviderImage, signal: AbortSignal, slot?: number): Promise<ProcessedOutput>;
}
