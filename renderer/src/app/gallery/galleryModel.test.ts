import { describe, expect, it } from 'vitest';
import type { Asset } from '../../../../shared/library';
import {
  assetFacts,
  clampFps,
  columnCount,
  fitScale,
  frameDelayMs,
  frameGroupOf,
  frameSequence,
  gridMove,
  metadataPath,
  neighbourId,
  promptOf,
  rowCount,
  rowOfIndex,
  rowSlice,
  shouldLoadMore,
  stepZoom,
} from './galleryModel';

const asset = (id: string, overrides: Partial<Asset> = {}): Asset => ({
  id,
  jobId: 'job-1',
  workspaceId: 'ws-1',
  slot: 0,
  kind: 'image',
  relativePath: `assets/2026-11/${id}.png`,
  mime: 'image/png',
  width: 64,
  height: 32,
  bytes: 100,
  metadata: {},
  starred: false,
  createdAt: 1_700_000_000_000,
  ...overrides,
});

const frame = (id: string, index: number, jobId = 'job-a', fps = 12): Asset =>
  asset(id, { jobId, slot: index, metadata: { prompt: 'walk', extra: { group: { type: 'frames', jobId, frame: index, count: 4, fps } } } });

describe('column and row math', () => {
  it('fits as many 180 px cards as the width allows, at least one', () => {
    expect(columnCount(0)).toBe(1);
    expect(columnCount(-5)).toBe(1);
    expect(columnCount(100)).toBe(1);
    expect(columnCount(180)).toBe(1);
    expect(columnCount(371)).toBe(1);
    expect(columnCount(372)).toBe(2); // 2 × 180 + 12
    expect(columnCount(1000)).toBe(5);
    expect(columnCount(Number.NaN)).toBe(1);
  });

  it('counts rows and slices them', () => {
    expect(rowCount(0, 4)).toBe(0);
    expect(rowCount(1, 4)).toBe(1);
    expect(rowCount(8, 4)).toBe(2);
    expect(rowCount(9, 4)).toBe(3);
    expect(rowCount(10_000, 5)).toBe(2_000);
    expect(rowSlice(0, 4, 9)).toEqual({ start: 0, end: 4 });
    expect(rowSlice(2, 4, 9)).toEqual({ start: 8, end: 9 });
    expect(rowSlice(5, 4, 9)).toEqual({ start: 9, end: 9 });
    expect(rowOfIndex(0, 4)).toBe(0);
    expect(rowOfIndex(7, 4)).toBe(1);
    expect(rowOfIndex(8, 4)).toBe(2);
    expect(rowOfIndex(3, 0)).toBe(3);
  });
});

describe('loading ahead', () => {
  const base = { rowCount: 20, hasMore: true, busy: false };
  it('fetches when the last rendered row nears the end', () => {
    expect(shouldLoadMore({ ...base, lastRenderedRow: 10 })).toBe(false);
    expect(shouldLoadMore({ ...base, lastRenderedRow: 17 })).toBe(true);
    expect(shouldLoadMore({ ...base, lastRenderedRow: 19 })).toBe(true);
  });
  it('never fetches without a next page, while busy, or with nothing rendered', () => {
    expect(shouldLoadMore({ ...base, lastRenderedRow: 19, hasMore: false })).toBe(false);
    expect(shouldLoadMore({ ...base, lastRenderedRow: 19, busy: true })).toBe(false);
    expect(shouldLoadMore({ ...base, lastRenderedRow: -1 })).toBe(false);
  });
});

describe('previous and next', () => {
  const items = [asset('a'), asset('b'), asset('c')];
  it('steps through gallery order without wrapping', () => {
    expect(neighbourId(items, 'b', 1)).toBe('c');
    expect(neighbourId(items, 'b', -1)).toBe('a');
    expect(neighbourId(items, 'a', -1)).toBeNull();
    expect(neighbourId(items, 'c', 1)).toBeNull();
    expect(neighbourId(items, 'zzz', 1)).toBeNull();
  });
});

describe('animation frames', () => {
  it('reads the frame group from metadata.extra.group', () => {
    expect(frameGroupOf(frame('f1', 1))).toEqual({ jobId: 'job-a', frame: 1, count: 4, fps: 12 });
    expect(frameGroupOf(asset('x'))).toBeNull();
    expect(frameGroupOf(asset('x', { metadata: { extra: { group: { type: 'batch' } } } }))).toBeNull();
    expect(frameGroupOf(asset('x', { metadata: { extra: 'nope' } }))).toBeNull();
    // Missing fields fall back to the row (job, slot) and a default rate.
    expect(frameGroupOf(asset('x', { jobId: 'j', slot: 2, metadata: { extra: { group: { type: 'frames' } } } }))).toEqual({
      jobId: 'j',
      frame: 2,
      count: 1,
      fps: 8,
    });
  });

  it('orders the loaded frames of the same job (newest-first gallery order does not matter)', () => {
    const items = [frame('f3', 3), frame('f2', 2), frame('other', 0, 'job-b'), frame('f1', 1), frame('f0', 0), asset('plain')];
    const sequence = frameSequence(items, items[1]!);
    expect(sequence?.frames.map((a) => a.id)).toEqual(['f0', 'f1', 'f2', 'f3']);
    expect(sequence?.fps).toBe(12);
    expect(sequence?.count).toBe(4);
  });

  it('is null for a plain asset or a lone frame, and keeps one asset per frame index', () => {
    expect(frameSequence([asset('plain')], asset('plain'))).toBeNull();
    expect(frameSequence([frame('f0', 0)], frame('f0', 0))).toBeNull();
    const dupes = [frame('a0', 0), frame('b0', 0), frame('a1', 1)];
    expect(frameSequence(dupes, dupes[0]!)?.frames.map((a) => a.id)).toEqual(['a0', 'a1']);
  });

  it('clamps the frame rate and turns it into a delay', () => {
    expect(clampFps(0)).toBe(1);
    expect(clampFps(60)).toBe(30);
    expect(clampFps(Number.NaN)).toBe(8);
    expect(frameDelayMs(10)).toBe(100);
    expect(frameDelayMs(12)).toBe(83);
  });
});

describe('zoom', () => {
  it('steps up and down through fixed levels and stays at the ends', () => {
    expect(stepZoom(1, 1)).toBe(1.5);
    expect(stepZoom(1, -1)).toBe(0.75);
    expect(stepZoom(1.2, 1)).toBe(1.5);
    expect(stepZoom(1.2, -1)).toBe(1);
    expect(stepZoom(32, 1)).toBe(32);
    expect(stepZoom(0.25, -1)).toBe(0.25);
  });
  it('fits an image inside the stage', () => {
    expect(fitScale(64, 32, 640, 640)).toBe(10);
    expect(fitScale(64, 32, 640, 640, 8)).toBe(8);
    expect(fitScale(2000, 1000, 500, 500)).toBe(0.25);
    expect(fitScale(0, 10, 500, 500)).toBe(1);
  });
});

describe('names and facts', () => {
  it('names an asset by its prompt, else its file', () => {
    expect(promptOf(asset('a', { metadata: { prompt: 'a purple gem' } }))).toBe('a purple gem');
    expect(promptOf(asset('a', { metadata: { prompt: '  ' } }))).toBe('a.png');
    expect(promptOf(asset('a'))).toBe('a.png');
  });

  it('reads metadata paths', () => {
    expect(metadataPath(asset('a', { metadata: { originalPath: 'assets/x.original.png' } }), 'originalPath')).toBe('assets/x.original.png');
    expect(metadataPath(asset('a', { metadata: { originalPath: null } }), 'originalPath')).toBeNull();
    expect(metadataPath(asset('a'), 'thumbnailPath')).toBeNull();
  });

  it('lists the embedded metadata in a fixed order', () => {
    const facts = assetFacts(
      asset('a', {
        metadata: { prompt: 'gem', negativePrompt: '', seed: 42, provider: 'comfyui', model: 'sdxl', steps: 20, guidance: 7.5 },
      }),
      () => 'then',
    );
    expect(facts).toEqual([
      { term: 'Prompt', value: 'gem' },
      { term: 'Negative', value: '—' },
      { term: 'Seed', value: '42' },
      { term: 'Provider', value: 'comfyui' },
      { term: 'Model', value: 'sdxl' },
      { term: 'Steps', value: '20' },
      { term: 'Guidance', value: '7.5' },
      { term: 'Size', value: '64×32' },
      { term: 'Created', value: 'then' },
    ]);
  });
});

describe('grid keyboard movement', () => {
  // 10 cards in 4 columns: rows [0..3] [4..7] [8, 9]
  it('moves by card, row, page and to the ends', () => {
    expect(gridMove(5, 'ArrowRight', 4, 10)).toBe(6);
    expect(gridMove(5, 'ArrowLeft', 4, 10)).toBe(4);
    expect(gridMove(5, 'ArrowUp', 4, 10)).toBe(1);
    expect(gridMove(5, 'ArrowDown', 4, 10)).toBe(9);
    expect(gridMove(5, 'Home', 4, 10)).toBe(0);
    expect(gridMove(5, 'End', 4, 10)).toBe(9);
    expect(gridMove(0, 'PageDown', 2, 10, 2)).toBe(4);
    expect(gridMove(9, 'PageUp', 2, 10, 10)).toBe(0);
  });
  it('stays put at the edges and ignores other keys', () => {
    expect(gridMove(0, 'ArrowLeft', 4, 10)).toBeNull();
    expect(gridMove(9, 'ArrowRight', 4, 10)).toBeNull();
    expect(gridMove(1, 'ArrowUp', 4, 10)).toBeNull();
    expect(gridMove(8, 'ArrowDown', 4, 10)).toBeNull();
    expect(gridMove(0, 'Home', 4, 10)).toBeNull();
    expect(gridMove(3, 'Enter', 4, 10)).toBeNull();
    expect(gridMove(0, 'ArrowRight', 4, 0)).toBeNull();
  });
  it('↓ from a row above a shorter last row lands on the last card', () => {
    expect(gridMove(7, 'ArrowDown', 4, 10)).toBe(9);
  });
});
