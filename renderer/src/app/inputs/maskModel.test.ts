import { describe, expect, it } from 'vitest';
import {
  base64OfDataUrl,
  clampBrush,
  defaultBrushSize,
  hasPaint,
  MASK_EXPORT_COLOURS,
  renderStrokes,
  toImagePoint,
  undoStroke,
  type MaskContext,
  type Stroke,
} from './maskModel';

/** Records what is drawn: enough to see colours, composite modes and geometry. */
function recorder(): MaskContext & { log: string[] } {
  const log: string[] = [];
  const ctx = {
    log,
    globalCompositeOperation: 'source-over' as GlobalCompositeOperation,
    fillStyle: '' as MaskContext['fillStyle'],
    strokeStyle: '' as MaskContext['strokeStyle'],
    lineWidth: 1,
    lineCap: 'butt' as CanvasLineCap,
    lineJoin: 'miter' as CanvasLineJoin,
    clearRect: (x: number, y: number, w: number, h: number) => log.push(`clear ${x},${y},${w},${h}`),
    fillRect: (x: number, y: number, w: number, h: number) => log.push(`fillRect ${String(ctx.fillStyle)} ${w}x${h}`),
    beginPath: () => undefined,
    moveTo: (x: number, y: number) => log.push(`moveTo ${x},${y}`),
    lineTo: (x: number, y: number) => log.push(`lineTo ${x},${y}`),
    arc: (x: number, y: number, r: number) => log.push(`arc ${x},${y} r${r}`),
    fill: () => log.push(`fill ${String(ctx.fillStyle)} ${ctx.globalCompositeOperation}`),
    stroke: () => log.push(`stroke ${String(ctx.strokeStyle)} w${ctx.lineWidth}`),
  };
  return ctx;
}

const paint = (size: number, ...points: Array<[number, number]>): Stroke => ({ kind: 'paint', size, points: points.map(([x, y]) => ({ x, y })) });
const erase = (size: number, ...points: Array<[number, number]>): Stroke => ({ kind: 'erase', size, points: points.map(([x, y]) => ({ x, y })) });

describe('inpaint mask model', () => {
  it('maps pointer positions on the scaled canvas to image pixels, clamped to the image', () => {
    const rect = { left: 100, top: 50, width: 320, height: 320 };
    expect(toImagePoint(260, 210, rect, 64, 64)).toEqual({ x: 32, y: 32 });
    expect(toImagePoint(0, 1000, rect, 64, 64)).toEqual({ x: 0, y: 64 });
  });

  it('exports white strokes on black, the image’s size; erasing paints black back', () => {
    const ctx = recorder();
    renderStrokes(ctx, [paint(8, [10, 10], [20, 10]), erase(4, [12, 10])], 64, 48, MASK_EXPORT_COLOURS);
    expect(ctx.log).toEqual([
      'clear 0,0,64,48',
      'fillRect #000000 64x48',
      'arc 10,10 r4',
      'fill #ffffff source-over',
      'moveTo 10,10',
      'lineTo 20,10',
      'stroke #ffffff w8',
      'arc 12,10 r2',
      'fill #000000 source-over',
    ]);
  });

  it('cuts erasures out of the transparent overlay', () => {
    const ctx = recorder();
    renderStrokes(ctx, [erase(4, [1, 1])], 8, 8, { background: null, paint: 'red' });
    expect(ctx.log).toContain('fill #000 destination-out');
  });

  it('undo removes the last stroke; undoing a clear brings the mask back', () => {
    const strokes: Stroke[] = [paint(4, [1, 1]), { kind: 'clear' }];
    expect(hasPaint(strokes)).toBe(false);
    expect(hasPaint(undoStroke(strokes))).toBe(true);
    expect(hasPaint([erase(4, [1, 1])])).toBe(false);
    expect(undoStroke([])).toEqual([]);
  });

  it('keeps brush sizes sensible', () => {
    expect(defaultBrushSize(64, 64)).toBe(5);
    expect(defaultBrushSize(8, 8)).toBe(1);
    expect(clampBrush(10_000)).toBe(256);
    expect(base64OfDataUrl('data:image/png;base64,iVBORw0KGgo=')).toBe('iVBORw0KGgo=');
  });
});
