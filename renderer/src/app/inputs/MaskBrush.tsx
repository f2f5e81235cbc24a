/**
 * The inpaint mask brush: paint over the input image where it should be repainted. Brush
 * size in image pixels, paint/erase, clear, undo (Ctrl/⌘+Z while the brush has focus). Each
 * finished stroke exports the mask PNG (white = repaint, black = keep, the image's size) that
 * the request carries.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import { Button } from '../../components/Button';
import {
  base64OfDataUrl,
  BRUSH_MAX,
  BRUSH_MIN,
  clampBrush,
  defaultBrushSize,
  hasPaint,
  MASK_EXPORT_COLOURS,
  MASK_OVERLAY_COLOURS,
  renderStrokes,
  toImagePoint,
  undoStroke,
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

export function MaskBrush({ imageUrl, width, height, pixelated, onChange }: MaskBrushProps) {
  const [strokes, setStrokes] = useState<ReadonlyArray<Stroke>>([]);
  const [size, setSize] = useState(() => defaultBrushSize(width, height));
  const [erasing, setErasing] = useState(false);
  const [drawing, setDrawing] = useState<Stroke | null>(null);
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const id = useId();

  // The overlay shows the strokes (and the one being drawn).
  useEffect(() => {
    const ctx = canvasRef.current?.getContext('2d');
    if (ctx === null || ctx === undefined) return;
    renderStrokes(ctx, drawing === null ? strokes : [...strokes, drawing], width, height, MASK_OVERLAY_COLOURS);
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

  const pointAt = (event: PointerEvent<HTMLCanvasElement>): Point => toImagePoint(event.clientX, event.clientY, event.currentTarget.getBoundingClientRect(), width, height);

  const onPointerDown = (event: PointerEvent<HTMLCanvasElement>): void => {
    if (event.button !== 0) return;
    event.currentTarget.setPointerCapture(event.pointerId);
    event.currentTarget.focus();
    setDrawing({ kind: erasing ? 'erase' : 'paint', size, points: [pointAt(event)] });
  };
  const onPointerMove = (event: PointerEvent<HTMLCanvasElement>): void => {
    if (drawing === null || drawing.kind === 'clear') return;
    setDrawing({ ...drawing, points: [...drawing.points, pointAt(event)] });
  };
  const onPointerUp = (): void => {
    if (drawing === null) return;
    publish([...strokes, drawing]);
    setDrawing(null);
  };

  const undo = (): void => publish(undoStroke(strokes));
  const clear = (): void => {
    if (strokes.length > 0) publish([...strokes, { kind: 'clear' }]);
  };
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>): void => {
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && event.key.toLowerCase() === 'z') {
      event.preventDefault();
      undo();
    }
  };

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
          role="img"
          aria-label="Mask: paint the area to repaint"
          aria-describedby={`${id}-help`}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
        />
      </div>
      <p id={`${id}-help`} className="field-hint">
        Paint where the sprite should change. Ctrl/⌘+Z undoes a stroke.
      </p>
      <div className="mask-tools" role="toolbar" aria-label="Mask brush">
        <label className="mask-size">
          <span>Brush</span>
          <input type="range" min={BRUSH_MIN} max={Math.min(BRUSH_MAX, Math.max(width, height))} value={size} onChange={(e) => setSize(clampBrush(Number(e.target.value)))} />
          <output>{size} px</output>
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
      </div>
    </div>
  );
}
