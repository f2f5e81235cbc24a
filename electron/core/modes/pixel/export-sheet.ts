/**
 * Sprite strips and sheets with a TexturePacker "JSON (Hash)" atlas — the format Phaser,
 * PixiJS, Cocos, Godot importers and Aseprite's own export share:
 * `{ frames: { "<name>": { frame: {x,y,w,h}, rotated, trimmed, spriteSourceSize, sourceSize,
 * duration } }, meta: { app, version, image, format, size: {w,h}, scale } }`.
 * `duration` (ms) is Aseprite's addition; TexturePacker readers ignore it.
 */
import { blank, blit } from './export-raster';
import type { RgbaImage } from './raster';

export interface SheetLayout {
  /** Frames per row; a strip is one row of all frames. */
  readonly columns: number;
  /** Transparent pixels between frames (and none at the outer edge). */
  readonly padding: number;
}

export interface AtlasFrame {
  readonly frame: { x: number; y: number; w: number; h: number };
  readonly rotated: false;
  readonly trimmed: false;
  readonly spriteSourceSize: { x: 0; y: 0; w: number; h: number };
  readonly sourceSize: { w: number; h: number };
  readonly duration: number;
}

export interface TexturePackerAtlas {
  readonly frames: Record<string, AtlasFrame>;
  readonly meta: {
    readonly app: string;
    readonly version: string;
    readonly image: string;
    readonly format: 'RGBA8888';
    readonly size: { w: number; h: number };
    readonly scale: string;
  };
}

/** Columns for a roughly square sheet: ⌈√n⌉. */
export function autoColumns(count: number): number {
  return Math.max(1, Math.ceil(Math.sqrt(count)));
}

/**
 * Lays equal-size frames out row by row. `names[i]` keys frame i in the atlas; `imageName`
 * is the sheet's file name as the atlas refers to it.
 */
export function buildSheet(
  frames: ReadonlyArray<RgbaImage>,
  names: ReadonlyArray<string>,
  layout: SheetLayout,
  meta: { imageName: string; durationMs: number; scale: number },
): { sheet: RgbaImage; atlas: TexturePackerAtlas } {
  const first = frames[0];
  if (!first) throw new Error('A sprite sheet needs at least one frame.');
  const columns = Math.min(Math.max(1, layout.columns), frames.length);
  const rows = Math.ceil(frames.length / columns);
  const { width: w, height: h } = first;
  const sheet = blank(columns * w + (columns - 1) * layout.padding, rows * h + (rows - 1) * layout.padding);
  const atlasFrames: Record<string, AtlasFrame> = {};
  frames.forEach((frame, index) => {
    const x = (index % columns) * (w + layout.padding);
    const y = Math.floor(index / columns) * (h + layout.padding);
    blit(sheet, frame, x, y);
    atlasFrames[names[index] ?? `frame-${index}`] = {
      frame: { x, y, w, h },
      rotated: false,
      trimmed: false,
      spriteSourceSize: { x: 0, y: 0, w, h },
      sourceSize: { w, h },
      duration: meta.durationMs,
    };
  });
  return {
    sheet,
    atlas: {
      frames: atlasFrames,
      meta: { app: 'WokGen Studio', version: '1.0', image: meta.imageName, format: 'RGBA8888', size: { w: sheet.width, h: sheet.height }, scale: String(meta.scale) },
    },
  };
}
