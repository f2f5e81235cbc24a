import { act, fireEvent, render, screen } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';

await vi.hoisted(async () => (await import('../../testing/componentHarness')).installFakeWokgen());
const { SandboxedPreview, PREVIEW_START_TIMEOUT_MS } = await import('./SandboxedPreview');

/**
 * happy-dom loads no frame documents, so the frame's window is a stand-in: what the studio
 * checks is identity (`event.source === frame.contentWindow`) and what it posts to it.
 */
function frameOf(): { iframe: HTMLIFrameElement; child: Window } {
  const iframe = screen.getByTitle('Preview of card.html') as HTMLIFrameElement;
  const child = { postMessage: () => undefined } as unknown as Window;
  Object.defineProperty(iframe, 'contentWindow', { value: child, configurable: true });
  return { iframe, child };
}

const post = async (data: unknown, source: MessageEventSource | null, origin = 'null'): Promise<void> => {
  await act(async () => {
    const event = new MessageEvent('message', { data, origin });
    // happy-dom's constructor drops a source that is not one of its own windows.
    Object.defineProperty(event, 'source', { value: source });
    window.dispatchEvent(event);
    await Promise.resolve();
  });
};

describe('SandboxedPreview', () => {
  it('says the preview could not start when the frame never says ready, and Reload starts it again', () => {
    vi.useFakeTimers();
    try {
      render(<SandboxedPreview code="<p>Hi</p>" framework="vanilla-css" title="card.html" />);
      expect(screen.queryByRole('alert')).toBeNull();
      act(() => {
        vi.advanceTimersByTime(PREVIEW_START_TIMEOUT_MS);
      });
      expect(screen.getByRole('alert').textContent).toContain('The preview could not start — the code is below.');
      fireEvent.click(screen.getByRole('button', { name: 'Reload' }));
      expect(screen.queryByRole('alert')).toBeNull();
      expect(screen.getByTitle('Preview of card.html')).toBeTruthy();
    } finally {
      vi.useRealTimers();
    }
  });

  it('is an allow-scripts-only frame of the preview document', () => {
    render(<SandboxedPreview code="<p>Hi</p>" framework="vanilla-css" title="card.html" />);
    const { iframe } = frameOf();
    expect(iframe.getAttribute('sandbox')).toBe('allow-scripts');
    expect(iframe.getAttribute('src')).toBe('/preview-frame.html');
  });

  it('sends the code only when its own frame says ready, from an opaque origin', async () => {
    render(<SandboxedPreview code="<p>Hi</p>" framework="vanilla-css" title="card.html" />);
    const { child } = frameOf();
    const send = vi.spyOn(child, 'postMessage').mockImplementation(() => undefined);

    await post({ type: 'wokgen-preview:ready' }, window); // another window
    await post({ type: 'wokgen-preview:ready' }, child, 'app://studio'); // a real origin
    await post({ type: 'wokgen-preview:ready', extra: true }, child); // not our shape
    expect(send).not.toHaveBeenCalled();

    await post({ type: 'wokgen-preview:ready' }, child);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1));
    expect(send.mock.calls[0]?.[0]).toEqual({
      type: 'wokgen-preview:render',
      html: '<!doctype html><html><head><meta charset="utf-8"></head><body><p>Hi</p></body></html>',
      tailwind: '',
    });
  });

  it('answers only the first ready: a frame that says ready in a loop gets the code once', async () => {
    render(<SandboxedPreview code="<p>Hi</p>" framework="vanilla-css" title="card.html" />);
    const { child } = frameOf();
    const send = vi.spyOn(child, 'postMessage').mockImplementation(() => undefined);
    for (let i = 0; i < 5; i += 1) await post({ type: 'wokgen-preview:ready' }, child);
    await vi.waitFor(() => expect(send).toHaveBeenCalled());
    await act(async () => {
      await new Promise((resolve) => setTimeout(resolve, 20));
    });
    expect(send).toHaveBeenCalledTimes(1);
  });

  it('grows with the document it shows, reports script errors, and switches viewport widths', async () => {
    render(<SandboxedPreview code="<p>Hi</p>" framework="vanilla-css" title="card.html" />);
    const { iframe, child } = frameOf();
    await post({ type: 'wokgen-preview:size', height: 900 }, child);
    expect(iframe.style.height).toBe('900px');
    await post({ type: 'wokgen-preview:error', message: 'boom is not defined' }, child);
    expect(screen.getByText(/A script in this code failed: boom is not defined/)).toBeTruthy();
    fireEvent.click(screen.getByRole('radio', { name: '375px' }));
    expect(iframe.style.width).toBe('375px');
    expect(screen.getByRole('radio', { name: '375px' }).getAttribute('aria-checked')).toBe('true');
    // Arrow keys move the choice, as in any radio group.
    fireEvent.keyDown(screen.getByRole('radio', { name: '375px' }), { key: 'ArrowRight' });
    expect(iframe.style.width).toBe('768px');
    expect(screen.getByRole('radio', { name: '768px' }).getAttribute('tabindex')).toBe('0');
  });

  it('sends TSX as a page with a root, Tailwind and the compiled script that renders it', async () => {
    render(<SandboxedPreview code={'export default function Card() { return <p className="p-4">Hi</p>; }'} framework="react-tsx" title="card.html" />);
    const { child } = frameOf();
    const send = vi.spyOn(child, 'postMessage').mockImplementation(() => undefined);
    await post({ type: 'wokgen-preview:ready' }, child);
    await vi.waitFor(() => expect(send).toHaveBeenCalledTimes(1), { timeout: 5_000 });
    const message = send.mock.calls[0]?.[0] as { html: string; tailwind: string; script: string };
    expect(message.html).toContain('<div id="wokgen-preview-root"></div>');
    expect(message.tailwind.length).toBeGreaterThan(1000);
    expect(message.script).toContain('function wokgenRunTsx(');
    // Compiled in the studio: the frame gets JavaScript, not JSX.
    expect(message.script).toContain(`_jsxruntime.jsx.call(void 0, 'p', { className: "p-4"`);
    expect(message.script).not.toContain('<p className');
  });
});
