import { describe, expect, it } from 'vitest';
import {
  base64OfDataUrl,
  BRUSH_MAX,
  brushMaxFor,
  centreCursor,
  clampBrush,
  clampCursor,
  cursorAt,
  cursorPoint,
  defaultBrushSize,
  extendStroke,
  hasPaint,
  MASK_EXPORT_COLOURS,
  moveCursor,
  renderStrokes,
  startStroke,
  stepBrush,
  toImagePoint,
  undoStroke,
  type BrushStroke,
  type Cursor,
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

  describe('keyboard painting', () => {
    /** Space down at the cursor, the arrow moves while held, Space up: the stroke and where the cursor ends. */
    function keyStroke(from: Cursor, moves: Array<[number, number]>, erasing: boolean, size: number, width = 16, height = 16): { stroke: BrushStroke; cursor: Cursor } {
      let cursor = from;
      let stroke = startStroke(erasing, size, cursorPoint(cursor));
      for (const [dx, dy] of moves) {
        cursor = moveCursor(cursor, dx, dy, width, height);
        stroke = extendStroke(stroke, cursorPoint(cursor));
      }
      return { stroke, cursor };
    }

    it('starts the cursor on the middle pixel and keeps it on the image at every edge', () => {
      expect(centreCursor(64, 48)).toEqual({ col: 32, row: 24 });
      expect(centreCursor(1, 1)).toEqual({ col: 0, row: 0 });
      expect(moveCursor({ col: 0, row: 0 }, -1, -1, 16, 8)).toEqual({ col: 0, row: 0 });
      expect(moveCursor({ col: 15, row: 7 }, 1, 1, 16, 8)).toEqual({ col: 15, row: 7 });
      expect(moveCursor({ col: 12, row: 3 }, 10, -10, 16, 8)).toEqual({ col: 15, row: 0 });
      expect(moveCursor({ col: 3, row: 3 }, 1, 0, 16, 8)).toEqual({ col: 4, row: 3 });
      expect(clampCursor({ col: -5, row: 99 }, 16, 8)).toEqual({ col: 0, row: 7 });
      // Where a pointer stroke ended: its pixel, even on the image's far edge.
      expect(cursorAt({ x: 16, y: 8 }, 16, 8)).toEqual({ col: 15, row: 7 });
      expect(cursorAt({ x: 3.7, y: 0.2 }, 16, 8)).toEqual({ col: 3, row: 0 });
    });

    it('stamps on the centre of the cursor pixel, so a 1 px brush covers exactly that pixel', () => {
      const { stroke } = keyStroke({ col: 2, row: 5 }, [], false, 1);
      expect(stroke).toEqual({ kind: 'paint', size: 1, points: [{ x: 2.5, y: 5.5 }] });
      const ctx = recorder();
      renderStrokes(ctx, [stroke], 16, 16, MASK_EXPORT_COLOURS);
      expect(ctx.log).toContain('arc 2.5,5.5 r0.5');
      expect(ctx.log.some((line) => line.startsWith('lineTo'))).toBe(false);
    });

    it('paints a stroke along the path the arrows take while the paint key is held', () => {
      const { stroke, cursor } = keyStroke({ col: 4, row: 4 }, [[1, 0], [1, 0], [0, 10]], false, 3);
      expect(cursor).toEqual({ col: 6, row: 14 });
      expect(stroke.points).toEqual([{ x: 4.5, y: 4.5 }, { x: 5.5, y: 4.5 }, { x: 6.5, y: 4.5 }, { x: 6.5, y: 14.5 }]);
      const ctx = recorder();
      renderStrokes(ctx, [stroke], 16, 16, MASK_EXPORT_COLOURS);
      expect(ctx.log).toEqual([
        'clear 0,0,16,16',
        'fillRect #000000 16x16',
        'arc 4.5,4.5 r1.5',
        'fill #ffffff source-over',
        'moveTo 4.5,4.5',
        'lineTo 5.5,4.5',
        'lineTo 6.5,4.5',
        'lineTo 6.5,14.5',
        'stroke #ffffff w3',
      ]);
    });

    it('adds no point for a move that the edge stopped', () => {
      const { stroke } = keyStroke({ col: 15, row: 0 }, [[1, 0], [0, -1], [-1, 0]], false, 2);
      expect(stroke.points).toEqual([{ x: 15.5, y: 0.5 }, { x: 14.5, y: 0.5 }]);
    });

    it('erases along the path in erase mode (black back into the export)', () => {
      const painted = keyStroke({ col: 2, row: 2 }, [[5, 0]], false, 4).stroke;
      const erased = keyStroke({ col: 2, row: 2 }, [[5, 0]], true, 2).stroke;
      expect(erased.kind).toBe('erase');
      const ctx = recorder();
      renderStrokes(ctx, [painted, erased], 16, 16, MASK_EXPORT_COLOURS);
      expect(ctx.log.slice(-5)).toEqual(['arc 2.5,2.5 r1', 'fill #000000 source-over', 'moveTo 2.5,2.5', 'lineTo 7.5,2.5', 'stroke #000000 w2']);
      expect(hasPaint([painted, erased])).toBe(true);
      expect(hasPaint([erased])).toBe(false);
    });

    it('steps the brush size with [ and ] within the size slider’s range', () => {
      expect(brushMaxFor(64, 32)).toBe(64);
      expect(brushMaxFor(4096, 10)).toBe(BRUSH_MAX);
      expect(stepBrush(1, -1, 64)).toBe(1);
      expect(stepBrush(1, 1, 64)).toBe(2);
      expect(stepBrush(10, 1, 64)).toBe(15);
      expect(stepBrush(15, -1, 64)).toBe(10);
      // A size set with the slider snaps to the nearest step in the direction asked.
      expect(stepBrush(13, 1, 64)).toBe(15);
      expect(stepBrush(13, -1, 64)).toBe(10);
      expect(stepBrush(60, 1, 64)).toBe(64);
      expect(stepBrush(64, 1, 64)).toBe(64);
      expect(stepBrush(64, -1, 64)).toBe(60);
      expect(stepBrush(240, 1, 1024)).toBe(BRUSH_MAX);
      expect(stepBrush(BRUSH_MAX, 1, 1024)).toBe(BRUSH_MAX);
      // Every press up then down changes the size, and the whole range is reachable.
      let size = 1;
      let presses = 0;
      while (size < BRUSH_MAX) {
        const next = stepBrush(size, 1, 1024);
        expect(next).toBeGreaterThan(size);
        size = next;
        presses += 1;
      }
      expect(presses).toBeLessThan(35);
    });

    it('undoes a whole keyboard stroke in one step, however many moves drew it', () => {
      const first = keyStroke({ col: 1, row: 1 }, [], false, 2).stroke;
      const second = keyStroke({ col: 3, row: 3 }, [[1, 0], [1, 0], [1, 0], [0, 1]], false, 2).stroke;
      const strokes: Stroke[] = [first, second];
      expect(undoStroke(strokes)).toEqual([first]);
      expect(undoStroke(undoStroke(strokes))).toEqual([]);
    });
  });
});

