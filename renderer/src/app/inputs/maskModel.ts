/**
 * The inpaint mask as a list of strokes over the input image, in image pixels: painting adds
 * area to repaint, erasing takes it back, clearing empties it — each one undoable (Ctrl+Z).
 * Rendering draws the strokes onto any 2D context (the on-screen overlay, or the export that
 * becomes the PNG the request carries: white = repaint, black = keep, the image's size).
 */

export interface Point {
  readonly x: number;
  readonly y: number;
}

export type Stroke =
  | { readonly kind: 'paint' | 'erase'; readonly size: number; readonly points: ReadonlyArray<Point> }
  | { readonly kind: 'clear' };

export const BRUSH_MIN = 1;
export const BRUSH_MAX = 256;

/** A sensible starting brush: about a twelfth of the image's short side. */
export function defaultBrushSize(width: number, height: number): number {
  return clampBrush(Math.round(Math.min(width, height) / 12));
}

export function clampBrush(size: number): number {
  return Math.min(BRUSH_MAX, Math.max(BRUSH_MIN, Math.round(size)));
}

/** The largest brush worth offering for an image: its long side (the size slider's maximum). */
export function brushMaxFor(width: number, height: number): number {
  return clampBrush(Math.max(width, height));
}

/**
 * The sizes `[` and `]` step through: fine steps for small brushes, coarse ones for big ones
 * (as Photoshop/Krita do), so a few presses cover the whole range either way.
 */
const BRUSH_LADDER: ReadonlyArray<number> = [
  ...Array.from({ length: 10 }, (_, i) => i + 1), // 1–10 by 1
  ...Array.from({ length: 8 }, (_, i) => 15 + i * 5), // 15–50 by 5
  ...Array.from({ length: 5 }, (_, i) => 60 + i * 10), // 60–100 by 10
  ...Array.from({ length: 7 }, (_, i) => 120 + i * 20), // 120–240 by 20
  BRUSH_MAX,
];

/** The next ladder size up (`direction` 1) or down (-1) from any size, within [BRUSH_MIN, max]. */
export function stepBrush(size: number, direction: 1 | -1, max: number): number {
  const next = direction > 0 ? (BRUSH_LADDER.find((s) => s > size) ?? BRUSH_MAX) : ([...BRUSH_LADDER].reverse().find((s) => s < size) ?? BRUSH_MIN);
  return Math.min(clampBrush(max), clampBrush(next));
}

/** A pointer position on the displayed canvas → image pixel coordinates (clamped to the image). */
export function toImagePoint(clientX: number, clientY: number, rect: { left: number; top: number; width: number; height: number }, width: number, height: number): Point {
  const x = rect.width === 0 ? 0 : ((clientX - rect.left) / rect.width) * width;
  const y = rect.height === 0 ? 0 : ((clientY - rect.top) / rect.height) * height;
  return { x: Math.min(width, Math.max(0, x)), y: Math.min(height, Math.max(0, y)) };
}

/**
 * The keyboard brush cursor: a pixel of the image (column, row). Strokes go through pixel
 * centres, so a 1 px brush covers exactly the pixel under the cursor (pixel art).
 */
export interface Cursor {
  readonly col: number;
  readonly row: number;
}

/** Arrow keys move 1 image pixel; with Shift, this many. */
export const CURSOR_BIG_STEP = 10;

export function centreCursor(width: number, height: number): Cursor {
  return clampCursor({ col: Math.floor(width / 2), row: Math.floor(height / 2) }, width, height);
}

/** The cursor kept on the image (first to last pixel of each axis). */
export function clampCursor(cursor: Cursor, width: number, height: number): Cursor {
  const col = Math.min(Math.max(0, width - 1), Math.max(0, Math.round(cursor.col)));
  const row = Math.min(Math.max(0, height - 1), Math.max(0, Math.round(cursor.row)));
  return { col, row };
}

export function moveCursor(cursor: Cursor, dx: number, dy: number, width: number, height: number): Cursor {
  return clampCursor({ col: cursor.col + dx, row: cursor.row + dy }, width, height);
}

/** Where a stroke passes for the cursor: the centre of its pixel. */
export const cursorPoint = (cursor: Cursor): Point => ({ x: cursor.col + 0.5, y: cursor.row + 0.5 });

/** The pixel under an image point (where a pointer stroke ended → where the keyboard resumes). */
export function cursorAt(point: Point, width: number, height: number): Cursor {
  return clampCursor({ col: Math.floor(point.x), row: Math.floor(point.y) }, width, height);
}

export type BrushStroke = Extract<Stroke, { readonly kind: 'paint' | 'erase' }>;

/** Space/Enter pressed: a stroke that starts as a stamp at the cursor. */
export function startStroke(erasing: boolean, size: number, at: Point): BrushStroke {
  return { kind: erasing ? 'erase' : 'paint', size, points: [at] };
}

/** The stroke continued to `at` (a move that went nowhere — an arrow at the edge — adds nothing). */
export function extendStroke(stroke: BrushStroke, at: Point): BrushStroke {
  const last = stroke.points[stroke.points.length - 1];
  if (last !== undefined && last.x === at.x && last.y === at.y) return stroke;
  return { ...stroke, points: [...stroke.points, at] };
}

/** The strokes after an undo (the last one goes; undoing a clear brings the mask back). */
export const undoStroke = (strokes: ReadonlyArray<Stroke>): ReadonlyArray<Stroke> => strokes.slice(0, -1);

/** Whether anything is left to repaint (a mask of only erasures or cleared is empty). */
export function hasPaint(strokes: ReadonlyArray<Stroke>): boolean {
  let painted = false;
  for (const stroke of strokes) {
    if (stroke.kind === 'clear') painted = false;
    else if (stroke.kind === 'paint' && stroke.points.length > 0) painted = true;
  }
  return painted;
}

/** The subset of CanvasRenderingContext2D the renderer uses (so tests can record calls). */
export interface MaskContext {
  globalCompositeOperation: GlobalCompositeOperation;
  fillStyle: string | CanvasGradient | CanvasPattern;
  strokeStyle: string | CanvasGradient | CanvasPattern;
  lineWidth: number;
  lineCap: CanvasLineCap;
  lineJoin: CanvasLineJoin;
  clearRect(x: number, y: number, w: number, h: number): void;
  fillRect(x: number, y: number, w: number, h: number): void;
  beginPath(): void;
  moveTo(x: number, y: number): void;
  lineTo(x: number, y: number): void;
  arc(x: number, y: number, r: number, start: number, end: number): void;
  fill(): void;
  stroke(): void;
}

export interface MaskColours {
  /** Drawn under everything (the export's black "keep"); null = transparent (the overlay). */
  readonly background: string | null;
  readonly paint: string;
}

/** Draws the strokes in order. Erasing paints the background back (or cuts out, when transparent). */
export function renderStrokes(ctx: MaskContext, strokes: ReadonlyArray<Stroke>, width: number, height: number, colours: MaskColours): void {
  const reset = (): void => {
    ctx.globalCompositeOperation = 'source-over';
    ctx.clearRect(0, 0, width, height);
    if (colours.background !== null) {
      ctx.fillStyle = colours.background;
      ctx.fillRect(0, 0, width, height);
    }
  };
  reset();
  for (const stroke of strokes) {
    if (stroke.kind === 'clear') {
      reset();
      continue;
    }
    const erase = stroke.kind === 'erase';
    const colour = erase ? (colours.background ?? '#000') : colours.paint;
    ctx.globalCompositeOperation = erase && colours.background === null ? 'destination-out' : 'source-over';
    ctx.fillStyle = colour;
    ctx.strokeStyle = colour;
    ctx.lineWidth = stroke.size;
    ctx.lineCap = 'round';
    ctx.lineJoin = 'round';
    const [first, ...rest] = stroke.points;
    if (first === undefined) continue;
    // A dot for a click, a line through the points for a drag.
    ctx.beginPath();
    ctx.arc(first.x, first.y, stroke.size / 2, 0, Math.PI * 2);
    ctx.fill();
    if (rest.length > 0) {
      ctx.beginPath();
      ctx.moveTo(first.x, first.y);
      for (const p of rest) ctx.lineTo(p.x, p.y);
      ctx.stroke();
    }
  }
  ctx.globalCompositeOperation = 'source-over';
}

/** The export's colours: what inpainting providers expect (white = repaint). */
export const MASK_EXPORT_COLOURS: MaskColours = { background: '#000000', paint: '#ffffff' };
/** The overlay's colours over the image. */
export const MASK_OVERLAY_COLOURS: MaskColours = { background: null, paint: 'rgba(255, 45, 120, 0.55)' };

/** `data:image/png;base64,…` → the base64 the request carries. */
export function base64OfDataUrl(dataUrl: string): string {
  const comma = dataUrl.indexOf(',');
  return comma < 0 ? '' : dataUrl.slice(comma + 1);
}
