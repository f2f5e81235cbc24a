/**
 * The inpaint mask brush: paint over the input image where it should be repainted. Brush
 * size in image pixels, paint/erase, clear, undo (Ctrl/⌘+Z while the brush has focus). Each
 * finished stroke exports the mask PNG (white = repaint, black = keep, the image's size) that
 * the request carries. Everything the pointer does, the keyboard does too (maskKeys.ts): a
 * visible brush cursor that the arrows move, Space/Enter to stamp or, held, to draw a stroke —
 * one stroke, one undo, whichever drew it.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Button } from '../../components/Button';
import { isPaintKey, MASK_ARIA_KEYSHORTCUTS, MASK_KEYS_HINT, maskKeyCommand } from './maskKeys';
import {
  base64OfDataUrl,
  BRUSH_MIN,
  brushMaxFor,
  centreCursor,
  clampBrush,
  cursorAt,
  cursorPoint,
  defaultBrushSize,
  extendStroke,
  hasPaint,
  MASK_EXPORT_COLOURS,
  MASK_OVERLAY_COLOURS,
  moveCursor,
  renderStrokes,
  startStroke,
  stepBrush,
  toImagePoint,
  undoStroke,
  type BrushStroke,
  type Cursor,
  type Point,
  type Stroke,
} from './maskModel';

export interface MaskBrushProps {
  readonly imageUrl: string;
  readonly width: number;
  readonly height: number;
  /** Crisp (nearest-neighbour) display for pixel art. */
  readonly pixelated: boolean;
  /** The mask as PNG base64, or null when nothing is painted. */
  readonly onChange: (maskPngBase64: string | null) => void;
}

/** The stroke being drawn and what draws it (a pointer's release must not end a keyboard stroke). */
interface Drawing {
  readonly stroke: BrushStroke;
  readonly by: 'pointer' | 'keys';
}

export const MASK_CLEARED_MESSAGE = 'Mask cleared. Ctrl/⌘+Z brings it back.';

export function MaskBrush({ imageUrl, width, height, pixelated, onChange }: MaskBrushProps) {
  const [strokes, setStrokes] = useState<ReadonlyArray<Stroke>>([]);
  const [size, setSize] = useState(() => defaultBrushSize(width, height));
  const [erasing, setErasing] = useState(false);
  const [drawing, setDrawing] = useState<Drawing | null>(null);
  const [cursor, setCursor] = useState<Cursor>(() => centreCursor(width, height));
  const [focused, setFocused] = useState(false);
  // What a keyboard/screen-reader user cannot see change: said once through a polite status.
  const [announcement, setAnnouncementText] = useState('');
  // The same words twice in a row (a second Clear, ] at the largest size) must still be spoken:
  // a live region announces changes, so a repeat gets an invisible no-break space.
  const setAnnouncement = (text: string): void => setAnnouncementText((shown) => (shown === text ? `${text}\u00a0` : text));
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const id = useId();
  const maxSize = brushMaxFor(width, height);

  // The overlay shows the strokes (and the one being drawn).
  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (ctx === null || ctx === undefined) return;
    renderStrokes(ctx, drawing === null ? strokes : [...strokes, drawing.stroke], width, height, MASK_OVERLAY_COLOURS);
  }, [strokes, drawing, width, height]);

  const publish = (next: ReadonlyArray<Stroke>): void => {
    setStrokes(next);
    if (!hasPaint(next)) {
      onChange(null);
      return;
    }
    const canvas = document.createElement('canvas');
    canvas.width = width;
    canvas.height = height;
    const ctx = canvas.getContext('2d');
    if (ctx === null) return;
    renderStrokes(ctx, next, width, height, MASK_EXPORT_COLOURS);
    onChange(base64OfDataUrl(canvas.toDataURL('image/png')));
  };

  /** The stroke being drawn becomes one undoable stroke of the mask. */
  const finish = (): void => {
    if (drawing === null) return;
    publish([...strokes, drawing.stroke]);
    setDrawing(null);
  };

  const pointAt = (event: PointerEvent<HTMLCanvasElement>): Point => toImagePoint(event.clientX, event.clientY, event.currentTarget.getBoundingClientRect(), width, height);

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>): void => {
    if (event.button !== 0 || drawing?.by === 'keys') return;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    setDrawing({ by: 'pointer', stroke: startStroke(erasing, size, pointAt(event)) });
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>): void => {
    if (drawing?.by !== 'pointer') return;
    setDrawing({ ...drawing, stroke: extendStroke(drawing.stroke, pointAt(event)) });
  };
  const onPointerUp = (): void => {
    if (drawing?.by !== 'pointer') return;
    // The keyboard carries on from where the pointer stopped.
    const last = drawing.stroke.points[drawing.stroke.points.length - 1];
    if (last !== undefined) setCursor(cursorAt(last, width, height));
    finish();
  };

  const undo = (): void => publish(undoStroke(strokes));
  const clear = (): void => {
    // A stroke still being drawn is kept (and cleared with the rest), so one undo brings both back.
    const current = drawing === null ? strokes : [...strokes, drawing.stroke];
    if (!hasPaint(current)) return;
    publish([...current, { kind: 'clear' }]);
    setDrawing(null);
    setAnnouncement(MASK_CLEARED_MESSAGE);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    // preventDefault also tells the studio's global Ctrl/⌘+Z (toast Undo) that this one is taken —
    // only when there is a stroke to undo; with none, the newest toast's Undo still gets it.
    // By character or physical key, as the global shortcut matches it (non-Latin layouts).
    const z = event.key.toLowerCase() === 'z' || event.code === 'KeyZ';
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && !event.altKey && z && strokes.length > 0) {
      event.preventDefault();
      undo();
    }
  };

  const onCanvasKeyDown = (event: KeyboardEvent<HTMLCanvasElement>): void => {
    const command = maskKeyCommand(event);
    if (command === null) return;
    // Ours: no page scroll (arrows, Space), no global shortcut (they skip prevented events).
    event.preventDefault();
    switch (command.kind) {
      case 'move': {
        const next = moveCursor(cursor, command.dx, command.dy, width, height);
        setCursor(next);
        if (drawing?.by === 'keys') setDrawing({ ...drawing, stroke: extendStroke(drawing.stroke, cursorPoint(next)) });
        return;
      }
      case 'paint':
        // A held key repeats: the stroke started on the first press and ends on release.
        if (event.repeat || drawing !== null) return;
        setDrawing({ by: 'keys', stroke: startStroke(erasing, size, cursorPoint(cursor)) });
        return;
      case 'toggle-erase':
        if (event.repeat) return;
        setErasing(!erasing);
        setAnnouncement(erasing ? 'Paint' : 'Erase');
        return;
      case 'size': {
        const next = stepBrush(size, command.direction, maxSize);
        setSize(next);
        setAnnouncement(`Brush ${next} px${next === size ? (command.direction > 0 ? ' (largest)' : ' (smallest)') : ''}`);
        return;
      }
      case 'clear':
        if (!event.repeat) clear();
        return;
    }
  };
  const onCanvasKeyUp = (event: KeyboardEvent<HTMLCanvasElement>): void => {
    if (!isPaintKey(event.key) || drawing?.by !== 'keys') return;
    event.preventDefault();
    finish();
  };
  const onCanvasBlur = (): void => {
    setFocused(false);
    // Focus left with the key still down: its release will not come here, so the stroke ends now.
    if (drawing?.by === 'keys') finish();
  };

  const at = cursorPoint(cursor);
  return (
    <div className="mask-brush" onKeyDown={onKeyDown}>
      <div className="mask-stage" style={{ aspectRatio: `${width} / ${height}` }}>
        <img className={pixelated ? 'mask-image pixelated' : 'mask-image'} src={imageUrl} alt="" draggable={false} />
        <canvas
          ref={canvasRef}
          className={pixelated ? 'mask-canvas pixelated' : 'mask-canvas'}
          width={width}
          height={height}
          tabIndex={0}
          role="application"
          aria-roledescription="mask canvas"
          aria-label="Mask: paint the area to repaint"
          aria-describedby={`${id}-help`}
          aria-keyshortcuts={MASK_ARIA_KEYSHORTCUTS}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onKeyDown={onCanvasKeyDown}
          onKeyUp={onCanvasKeyUp}
          onFocus={() => setFocused(true)}
          onBlur={onCanvasBlur}
        />
        {focused && (
          <span
            className={erasing ? 'mask-cursor mask-cursor-erase' : 'mask-cursor'}
            aria-hidden="true"
            data-testid="mask-cursor"
            style={{ left: `${(at.x / width) * 100}%`, top: `${(at.y / height) * 100}%`, width: `${(size / width) * 100}%`, height: `${(size / height) * 100}%` }}
          />
        )}
      </div>
      <p id={`${id}-help`} className="field-hint">
        Paint where the sprite should change. {MASK_KEYS_HINT}
      </p>
      <span className="visually-hidden" role="status">
        {announcement}
      </span>
      <div className="mask-tools" role="toolbar" aria-label="Mask brush">
        <label className="mask-size">
          <span>Brush</span>
          <input type="range" min={BRUSH_MIN} max={maxSize} value={size} onChange={(e) => setSize(clampBrush(Number(e.target.value)))} />
          {/* Not live: the status below says a keyboard size change once (an output would repeat it). */}
          <output aria-live="off">{size} px</output>
        </label>
        <Button size="sm" aria-pressed={!erasing} onClick={() => setErasing(false)}>
          Paint
        </Button>
        <Button size="sm" aria-pressed={erasing} onClick={() => setErasing(true)}>
          Erase
        </Button>
        <Button size="sm" onClick={undo} disabled={strokes.length === 0} aria-keyshortcuts="Control+Z Meta+Z">
          Undo
        </Button>
        <Button size="sm" onClick={clear} disabled={!hasPaint(strokes)}>
          Clear
        </Button>
        {/* Shown, not spoken on every arrow press. */}
        <output className="mask-position" aria-label="Brush cursor" aria-live="off">
          x {cursor.col}, y {cursor.row}
        </output>
      </div>
    </div>
  );
}
