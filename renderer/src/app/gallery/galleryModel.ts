/**
 * Pure logic behind the virtualised gallery and the asset viewer: column and row math,
 * when to fetch the next page, previous/next selection, animation frame groups, zoom
 * steps and the metadata facts the viewer lists. No DOM, no stores — tested in node.
 */
import type { Asset } from '../../../../shared/library';

/** A card's fixed size: the thumbnail is CARD_THUMB tall, the whole card CARD_HEIGHT. */
export const CARD_MIN_WIDTH = 180;
export const CARD_THUMB = 150;
export const CARD_HEIGHT = 206;
export const GRID_GAP = 12;
/** Row pitch the virtualiser uses: a card plus the gap under it. */
export const ROW_HEIGHT = CARD_HEIGHT + GRID_GAP;
/** Rows rendered beyond the visible ones, above and below. */
export const OVERSCAN_ROWS = 3;
/** Fetch the next page when the last visible row is this close to the end of what is loaded. */
export const LOAD_AHEAD_ROWS = 2;

/** How many cards of at least `minWidth` fit in `width` with `gap` between them (at least one). */
export function columnCount(width: number, minWidth = CARD_MIN_WIDTH, gap = GRID_GAP): number {
  if (!Number.isFinite(width) || width <= 0) return 1;
  return Math.max(1, Math.floor((width + gap) / (minWidth + gap)));
}

export function rowCount(itemCount: number, columns: number): number {
  if (itemCount <= 0) return 0;
  return Math.ceil(itemCount / Math.max(1, columns));
}

/** The item indexes [start, end) that row `row` holds. */
export function rowSlice(row: number, columns: number, itemCount: number): { start: number; end: number } {
  const cols = Math.max(1, columns);
  const start = Math.min(itemCount, Math.max(0, row) * cols);
  return { start, end: Math.min(itemCount, start + cols) };
}

export function rowOfIndex(index: number, columns: number): number {
  return Math.floor(Math.max(0, index) / Math.max(1, columns));
}

export interface LoadAheadInput {
  /** Index of the last row the virtualiser renders (visible or overscan), or -1 for none. */
  readonly lastRenderedRow: number;
  readonly rowCount: number;
  readonly hasMore: boolean;
  /** Loading, or the last fetch failed (the button retries; scrolling does not hammer). */
  readonly busy: boolean;
  readonly ahead?: number;
}

/** Whether scrolling has brought the end of the loaded rows close enough to fetch the next page. */
export function shouldLoadMore({ lastRenderedRow, rowCount: rows, hasMore, busy, ahead = LOAD_AHEAD_ROWS }: LoadAheadInput): boolean {
  if (!hasMore || busy || lastRenderedRow < 0) return false;
  return lastRenderedRow >= rows - 1 - ahead;
}

/** The id `delta` steps from `currentId` in gallery order, or null at either end (no wrap). */
export function neighbourId(items: ReadonlyArray<Pick<Asset, 'id'>>, currentId: string, delta: number): string | null {
  const index = items.findIndex((item) => item.id === currentId);
  if (index < 0) return null;
  return items[index + delta]?.id ?? null;
}

export interface FrameGroup {
  readonly jobId: string;
  readonly frame: number;
  readonly count: number;
  readonly fps: number;
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const finite = (value: unknown): value is number => typeof value === 'number' && Number.isFinite(value);

/** The animation-frame group an asset belongs to (`metadata.extra.group`, type "frames"), if any. */
export function frameGroupOf(asset: Pick<Asset, 'metadata' | 'jobId' | 'slot'>): FrameGroup | null {
  const extra = asset.metadata['extra'];
  if (!isRecord(extra)) return null;
  const group = extra['group'];
  if (!isRecord(group) || group['type'] !== 'frames') return null;
  const jobId = typeof group['jobId'] === 'string' ? group['jobId'] : asset.jobId;
  if (jobId === null || jobId === '') return null;
  const frame = finite(group['frame']) ? group['frame'] : asset.slot;
  const count = finite(group['count']) && group['count'] > 0 ? Math.floor(group['count']) : 1;
  const fps = finite(group['fps']) && group['fps'] > 0 ? group['fps'] : 8;
  return { jobId, frame, count, fps };
}

export interface FrameSequence {
  /** The loaded frames of the job, in frame order (one per frame index). */
  readonly frames: ReadonlyArray<Asset>;
  readonly fps: number;
  /** How many frames the job made (more than `frames.length` while some are not loaded). */
  readonly count: number;
}

/** The frames of `asset`'s animation among `items`, in order; null when it is not a frame or is alone. */
export function frameSequence(items: ReadonlyArray<Asset>, asset: Asset): FrameSequence | null {
  const group = frameGroupOf(asset);
  if (group === null) return null;
  const byFrame = new Map<number, { asset: Asset; frame: number }>();
  for (const item of items) {
    const other = frameGroupOf(item);
    if (other === null || other.jobId !== group.jobId || item.workspaceId !== asset.workspaceId) continue;
    if (!byFrame.has(other.frame)) byFrame.set(other.frame, { asset: item, frame: other.frame });
  }
  if (!byFrame.has(group.frame)) byFrame.set(group.frame, { asset, frame: group.frame });
  if (byFrame.size < 2) return null;
  const frames = [...byFrame.values()].sort((a, b) => a.frame - b.frame).map((entry) => entry.asset);
  return { frames, fps: group.fps, count: Math.max(group.count, frames.length) };
}

export const MIN_FPS = 1;
export const MAX_FPS = 30;

export function clampFps(fps: number): number {
  if (!Number.isFinite(fps)) return 8;
  return Math.min(MAX_FPS, Math.max(MIN_FPS, Math.round(fps)));
}

/** Milliseconds each frame shows at `fps`. */
export function frameDelayMs(fps: number): number {
  return Math.round(1000 / clampFps(fps));
}

/** Zoom levels the viewer steps through (1 = one image pixel per CSS pixel). */
export const ZOOM_STEPS = [0.25, 0.5, 0.75, 1, 1.5, 2, 3, 4, 6, 8, 12, 16, 24, 32] as const;

/** The next zoom step above (`direction` 1) or below (-1) `current`; stays at the ends. */
export function stepZoom(current: number, direction: 1 | -1): number {
  const epsilon = 1e-6;
  if (direction > 0) return ZOOM_STEPS.find((step) => step > current + epsilon) ?? ZOOM_STEPS[ZOOM_STEPS.length - 1]!;
  return [...ZOOM_STEPS].reverse().find((step) => step < current - epsilon) ?? ZOOM_STEPS[0];
}

/** The scale that fits a `width`×`height` image inside a `boxWidth`×`boxHeight` stage (never enlarges past `max`). */
export function fitScale(width: number, height: number, boxWidth: number, boxHeight: number, max = Infinity): number {
  if (!(width > 0) || !(height > 0) || !(boxWidth > 0) || !(boxHeight > 0)) return 1;
  return Math.min(max, boxWidth / width, boxHeight / height);
}

export function fileName(relativePath: string): string {
  return relativePath.split('/').pop() ?? relativePath;
}

/** The name a card and its image carry: the prompt, or the file name when there is none. */
export function promptOf(asset: Pick<Asset, 'metadata' | 'relativePath'>): string {
  const prompt = asset.metadata['prompt'];
  return typeof prompt === 'string' && prompt.trim() !== '' ? prompt : fileName(asset.relativePath);
}

/** A non-empty string path from metadata (thumbnailPath, originalPath), or null. */
export function metadataPath(asset: Pick<Asset, 'metadata'>, key: 'thumbnailPath' | 'originalPath'): string | null {
  const value = asset.metadata[key];
  return typeof value === 'string' && value.trim() !== '' ? value : null;
}

export interface Fact {
  readonly term: string;
  readonly value: string;
}

const text = (value: unknown): string | null => {
  if (typeof value === 'string') return value.trim() === '' ? null : value;
  if (typeof value === 'number' && Number.isFinite(value)) return String(value);
  return null;
};

/** The embedded metadata the viewer lists, in a fixed order; missing values read "—". */
export function assetFacts(asset: Asset, formatDate: (ms: number) => string = (ms) => new Date(ms).toLocaleString()): Fact[] {
  const m = asset.metadata;
  const size = asset.width !== null && asset.height !== null ? `${asset.width}×${asset.height}` : null;
  const facts: Array<[string, string | null]> = [
    ['Prompt', text(m['prompt'])],
    ['Negative', text(m['negativePrompt']) ?? text(m['negative'])],
    ['Seed', text(m['seed'])],
    ['Provider', text(m['provider'])],
    ['Model', text(m['model'])],
    ['Steps', text(m['steps'])],
    ['Guidance', text(m['guidance'])],
    ['Size', size],
    ['Created', Number.isFinite(asset.createdAt) ? formatDate(asset.createdAt) : null],
  ];
  return facts.map(([term, value]) => ({ term, value: value ?? '—' }));
}

/**
 * Where arrow keys move the focus in the grid: ←/→ by one card, ↑/↓ by a row, Home/End to
 * the first/last loaded card, PageUp/PageDown by `pageRows` rows. Null for other keys or
 * when the focus would not move.
 */
export function gridMove(index: number, key: string, columns: number, count: number, pageRows = 3): number | null {
  if (count <= 0 || index < 0) return null;
  const cols = Math.max(1, columns);
  const step: Record<string, number> = {
    ArrowLeft: -1,
    ArrowRight: 1,
    ArrowUp: -cols,
    ArrowDown: cols,
    PageUp: -cols * pageRows,
    PageDown: cols * pageRows,
  };
  let target: number;
  if (key === 'Home') target = 0;
  else if (key === 'End') target = count - 1;
  else if (key in step) target = index + step[key]!;
  else return null;
  if (key === 'ArrowUp' || key === 'ArrowDown' || key === 'ArrowLeft' || key === 'ArrowRight') {
    if (target < 0 || target >= count) {
      // ↓ on the last, partial row's column-less cell lands on the last card; otherwise stay.
      if (key === 'ArrowDown' && rowOfIndex(index, cols) < rowOfIndex(count - 1, cols)) target = count - 1;
      else return null;
    }
  }
  target = Math.min(count - 1, Math.max(0, target));
  return target === index ? null : target;
}
