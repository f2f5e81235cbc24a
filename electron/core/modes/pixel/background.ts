/**
 * What the background of a pixel request really is. Tiles and scenes fill the whole frame: their
 * border *is* the asset (grass, stone, sky), so "transparent" cannot mean "remove the border
 * colour" for them — the flood fill would erase the tile. The prompt builder and post-processing
 * both ask this one function, so they never disagree.
 */
import type { BackgroundMode, PixelPreset, PixelTool } from '../../../../shared/mode-specs/pixel';

/** Presets whose output is meant to cover the frame edge to edge. */
export const FRAME_FILLING_PRESETS: ReadonlySet<PixelPreset> = new Set<PixelPreset>(['tileset', 'nature_tile']);
/** Tools whose output is meant to cover the frame edge to edge. */
export const FRAME_FILLING_TOOLS: ReadonlySet<PixelTool> = new Set<PixelTool>(['scene']);

export type EffectiveBackground = BackgroundMode | 'fill';

export function effectiveBackground(request: {
  readonly tool: PixelTool;
  readonly preset: PixelPreset;
  readonly controls: { readonly backgroundMode: BackgroundMode };
}): EffectiveBackground {
  if (FRAME_FILLING_TOOLS.has(request.tool) || FRAME_FILLING_PRESETS.has(request.preset)) return 'fill';
  return request.controls.backgroundMode;
}
