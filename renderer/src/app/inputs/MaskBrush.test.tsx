import { act, fireEvent, render, screen } from '@testing-library/react';
import { MemoryRouter } from 'react-router';
import { afterEach, beforeEach, describe, expect, it, vi, type Mock } from 'vitest';
import type { MaskContext } from './maskModel';

await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
const { MaskBrush, MASK_CLEARED_MESSAGE } = await import('./MaskBrush');
const { useGlobalShortcuts } = await import('../useGlobalShortcuts');
const { useToasts } = await import('../../stores');

/**
 * happy-dom has no 2D canvas: each canvas gets a context that records what is drawn on it, and
 * `toDataURL` returns that record as the "PNG", so a test reads back what the exported mask holds.
 */
const drawn = new WeakMap<HTMLCanvasElement, string[]>();
function recordingContext(canvas: HTMLCanvasElement): MaskContext {
  const log: string[] = [];
  drawn.set(canvas, log);
  const ctx: MaskContext = {
    globalCompositeOperation: 'source-over',
    fillStyle: '',
    strokeStyle: '',
    lineWidth: 1,
    lineCap: 'butt',
    lineJoin: 'miter',
    clearRect: () => log.push('clear'),
    fillRect: () => log.push(`fillRect ${String(ctx.fillStyle)}`),
    beginPath: () => undefined,
    moveTo: (x, y) => log.push(`moveTo ${x},${y}`),
    lineTo: (x, y) => log.push(`lineTo ${x},${y}`),
    arc: (x, y, r) => log.push(`arc ${x},${y} r${r}`),
    fill: () => log.push(`fill ${String(ctx.fillStyle)}`),
    stroke: () => log.push(`stroke ${String(ctx.strokeStyle)} w${ctx.lineWidth}`),
  };
  return ctx;
}

type MaskChange = Mock<(mask: string | null) => void>;

/** What the last exported mask drew (white = repaint, black = keep), or null when it was cleared. */
function lastMask(onChange: MaskChange): string[] | null {
  const mask = onChange.mock.lastCall?.[0];
  if (mask === undefined) throw new Error('the mask was never published');
  return mask === null ? null : (JSON.parse(atob(mask)) as string[]);
}

function Studio({ onChange }: { onChange: (mask: string | null) => void }) {
  useGlobalShortcuts();
  return (
    <>
      <input type="search" aria-label="Search prompts" data-shortcut="gallery-search" />
      <MaskBrush imageUrl="app://x/sprite.png" width={64} height={64} pixelated onChange={onChange} />
      <button type="button">Elsewhere</button>
    </>
  );
}

const key = (target: Element, k: string, init: Record<string, unknown> = {}): void => {
  fireEvent.keyDown(target, { key: k, ...init });
};
const tap = (target: Element, k: string): void => {
  fireEvent.keyDown(target, { key: k });
  fireEvent.keyUp(target, { key: k });
};

let onChange: MaskChange;
let canvas: HTMLCanvasElement;
const toastUndo = vi.fn();

beforeEach(() => {
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(function (this: HTMLCanvasElement) {
    return recordingContext(this) as unknown as CanvasRenderingContext2D;
  } as unknown as HTMLCanvasElement['getContext']);
  vi.spyOn(HTMLCanvasElement.prototype, 'toDataURL').mockImplementation(function (this: HTMLCanvasElement) {
    return `data:image/png;base64,${btoa(JSON.stringify(drawn.get(this) ?? []))}`;
  });
  toastUndo.mockReset();
  useToasts.getState().clear();
  useToasts.getState().push({ tone: 'info', message: 'Deleted 1 asset', action: { label: 'Undo', run: toastUndo } });
  onChange = vi.fn<(mask: string | null) => void>();
  render(<Studio onChange={onChange} />, { wrapper: MemoryRouter });
  canvas = screen.getByRole('application', { name: 'Mask: paint the area to repaint' }) as HTMLCanvasElement;
});

afterEach(() => {
  vi.restoreAllMocks();
});

describe('MaskBrush from the keyboard', () => {
  it('is a focusable canvas that names its keys and shows a brush cursor the arrows move', () => {
    expect(canvas.tabIndex).toBe(0);
    const description = document.getElementById(canvas.getAttribute('aria-describedby') ?? '')?.textContent ?? '';
    expect(description).toMatch(/arrows move the brush/);
    expect(description).toMatch(/Space or Enter paints/);
    expect(screen.queryByTestId('mask-cursor')).toBeNull();
    act(() => canvas.focus());
    const cursor = screen.getByTestId('mask-cursor');
    // 64 px image, 5 px default brush, cursor on pixel (32, 32): its centre at 32.5 px.
    expect(cursor.style.left).toBe(`${(32.5 / 64) * 100}%`);
    expect(cursor.style.width).toBe(`${(5 / 64) * 100}%`);
    key(canvas, 'ArrowRight');
    key(canvas, 'ArrowDown', { shiftKey: true });
    expect(screen.getByRole('status', { name: 'Brush cursor' }).textContent).toBe('x 33, y 42');
    expect(cursor.style.left).toBe(`${(33.5 / 64) * 100}%`);
    expect(cursor.style.top).toBe(`${(42.5 / 64) * 100}%`);
    act(() => canvas.blur());
    expect(screen.queryByTestId('mask-cursor')).toBeNull();
  });

  it('stamps with Space, draws a held stroke along the arrows, and undoes it in one Ctrl/⌘+Z', () => {
    act(() => canvas.focus());
    tap(canvas, ' ');
    expect(lastMask(onChange)).toEqual(['clear', 'fillRect #000000', 'arc 32.5,32.5 r2.5', 'fill #ffffff']);

    key(canvas, 'Enter');
    key(canvas, 'ArrowRight');
    key(canvas, 'ArrowRight');
    key(canvas, 'Enter', { repeat: true });
    key(canvas, 'ArrowUp', { shiftKey: true });
    expect(onChange).toHaveBeenCalledTimes(1); // nothing is published until the key is released
    fireEvent.keyUp(canvas, { key: 'Enter' });
    expect(onChange).toHaveBeenCalledTimes(2);
    expect(lastMask(onChange)).toEqual([
      'clear',
      'fillRect #000000',
      'arc 32.5,32.5 r2.5',
      'fill #ffffff',
      'arc 32.5,32.5 r2.5',
      'fill #ffffff',
      'moveTo 32.5,32.5',
      'lineTo 33.5,32.5',
      'lineTo 34.5,32.5',
      'lineTo 34.5,22.5',
      'stroke #ffffff w5',
    ]);

    // One undo takes the whole keyboard stroke back (the stamp stays); the toast's Undo is not run.
    key(canvas, 'z', { code: 'KeyZ', ctrlKey: true });
    expect(lastMask(onChange)).toEqual(['clear', 'fillRect #000000', 'arc 32.5,32.5 r2.5', 'fill #ffffff']);
    key(canvas, 'z', { code: 'KeyZ', metaKey: true });
    expect(lastMask(onChange)).toBeNull();
    expect(toastUndo).not.toHaveBeenCalled();
    expect(useToasts.getState().toasts).toHaveLength(1);
  });

  it('toggles erase with E (as the Erase button) and sizes the brush with [ and ] within the slider range', () => {
    act(() => canvas.focus());
    tap(canvas, ']');
    expect(screen.getByText('6 px')).toBeTruthy();
    for (let i = 0; i < 12; i += 1) tap(canvas, '[');
    expect(screen.getByText('1 px')).toBeTruthy();
    for (let i = 0; i < 40; i += 1) tap(canvas, ']');
    // The slider's maximum for a 64 px image is 64.
    expect(screen.getByText('64 px')).toBeTruthy();
    expect(screen.getByRole('slider').getAttribute('max')).toBe('64');
    tap(canvas, '[');
    expect(screen.getByText('60 px')).toBeTruthy();
    expect(screen.getByText('Brush 60 px', { selector: '[role="status"]' })).toBeTruthy();
    for (let i = 0; i < 9; i += 1) tap(canvas, '['); // 50, 45 … 15, 10
    expect(screen.getByText('10 px')).toBeTruthy();

    tap(canvas, ' ');
    tap(canvas, 'e');
    expect(screen.getByRole('button', { name: 'Erase' }).getAttribute('aria-pressed')).toBe('true');
    expect(screen.getByTestId('mask-cursor').className).toContain('mask-cursor-erase');
    tap(canvas, '[');
    tap(canvas, ' ');
    // Painted white at 10 px, then erased black at 9 px on the same spot.
    expect(lastMask(onChange)?.slice(2)).toEqual(['arc 32.5,32.5 r5', 'fill #ffffff', 'arc 32.5,32.5 r4.5', 'fill #000000']);
    tap(canvas, 'x');
    expect(screen.getByRole('button', { name: 'Paint' }).getAttribute('aria-pressed')).toBe('true');
  });

  it('clears with Delete as the Clear button does, and Ctrl/⌘+Z brings the mask back', () => {
    act(() => canvas.focus());
    tap(canvas, 'Delete'); // nothing painted: nothing to clear
    expect(onChange).not.toHaveBeenCalled();
    tap(canvas, ' ');
    tap(canvas, 'Backspace');
    expect(lastMask(onChange)).toBeNull();
    expect(screen.getByRole('button', { name: 'Clear' }).hasAttribute('disabled')).toBe(true);
    expect(screen.getByText(MASK_CLEARED_MESSAGE)).toBeTruthy();
    key(canvas, 'z', { ctrlKey: true });
    expect(lastMask(onChange)).toEqual(['clear', 'fillRect #000000', 'arc 32.5,32.5 r2.5', 'fill #ffffff']);
    // Cleared a second time: the same words, still a change the screen reader announces.
    const announced = screen.getByText(MASK_CLEARED_MESSAGE).textContent;
    tap(canvas, 'Delete');
    expect(screen.getByText(MASK_CLEARED_MESSAGE, { exact: false }).textContent).not.toBe(announced);
  });

  it('leaves Ctrl/⌘+Z to the newest toast’s Undo when the mask has no stroke to undo', () => {
    act(() => canvas.focus());
    key(canvas, 'z', { code: 'KeyZ', ctrlKey: true });
    expect(toastUndo).toHaveBeenCalledTimes(1);
    tap(canvas, ' ');
    // A Cyrillic layout types "я" on the Z key: the physical key undoes the stroke.
    const undone = fireEvent.keyDown(canvas, { key: 'я', code: 'KeyZ', ctrlKey: true });
    expect(undone).toBe(false);
    expect(toastUndo).toHaveBeenCalledTimes(1);
    expect(lastMask(onChange)).toBeNull();
  });

  it('ends a held stroke when focus leaves the canvas (one undoable stroke, not a stuck one)', () => {
    act(() => canvas.focus());
    key(canvas, ' ');
    key(canvas, 'ArrowLeft');
    act(() => screen.getByRole('button', { name: 'Elsewhere' }).focus());
    expect(lastMask(onChange)).toEqual(['clear', 'fillRect #000000', 'arc 32.5,32.5 r2.5', 'fill #ffffff', 'moveTo 32.5,32.5', 'lineTo 31.5,32.5', 'stroke #ffffff w5']);
  });

  it('takes no keys when the canvas is not focused, and leaves the studio’s other shortcuts working when it is', () => {
    const elsewhere = screen.getByRole('button', { name: 'Elsewhere' });
    act(() => elsewhere.focus());
    tap(elsewhere, 'ArrowRight');
    tap(elsewhere, 'Delete');
    tap(elsewhere, 'e');
    expect(screen.getByRole('status', { name: 'Brush cursor' }).textContent).toBe('x 32, y 32');
    expect(screen.getByRole('button', { name: 'Paint' }).getAttribute('aria-pressed')).toBe('true');
    // Ctrl/⌘+Z outside the brush is the toast's Undo, as before.
    key(elsewhere, 'z', { code: 'KeyZ', ctrlKey: true });
    expect(toastUndo).toHaveBeenCalledTimes(1);

    act(() => canvas.focus());
    const arrow = fireEvent.keyDown(canvas, { key: 'ArrowRight' });
    expect(arrow).toBe(false); // default prevented: no page scroll
    const slash = fireEvent.keyDown(canvas, { key: '/' });
    expect(slash).toBe(false); // the global search shortcut took it…
    expect(document.activeElement).toBe(screen.getByRole('searchbox', { name: 'Search prompts' })); // …and focused the search
    expect(onChange).not.toHaveBeenCalled();
  });
});
