/**
 * Generated HTML running live in a sandboxed frame at a chosen viewport width.
 *
 * Security model (README → "The UI/UX preview sandbox"):
 * - `sandbox="allow-scripts"` without allow-same-origin: the frame has an opaque origin, so
 *   its scripts cannot read the studio (`parent.document` throws), its storage or the bridge;
 *   no forms, popups, top navigation or downloads either.
 * - The frame document is served by main with its own CSP (no network: default-src 'none').
 * - The only channel is postMessage; messages are believed only from this frame's window,
 *   from origin "null", matching the schema (previewProtocol.ts).
 * - Tailwind is the bundled browser compiler, sent to the frame as text: nothing is fetched.
 * - React/Next TSX is compiled here (sucrase, which never runs it) and sent with React's own
 *   builds as one script the frame runs (tsxPreview.ts): same sandbox, same CSP, no eval.
 */
import { useEffect, useRef, useState } from 'react';
import { Button } from '../../components/Button';
import { SegmentedRadio } from '../../components/SegmentedRadio';
import { Spinner } from '../../components/Spinner';
import type { UiuxFramework } from '../../../../shared/mode-specs/uiux';
import { isTsx, PREVIEW_FRAME_URL, PREVIEW_MAX_HEIGHT, PREVIEW_WIDTHS, renderMessage, trustedPreviewMessage, tsxRenderMessage, type PreviewWidth, type RenderMessage } from './previewProtocol';

type PreviewFramework = UiuxFramework;

let tailwindSource: Promise<string> | null = null;
/** The Tailwind browser build, loaded once and only when an html-tailwind preview needs it. */
function loadTailwind(): Promise<string> {
  tailwindSource ??= import('@tailwindcss/browser?raw').then((module) => module.default);
  return tailwindSource;
}

/** What the frame is sent for this code; TSX loads the compiler and React sources on first use. */
async function messageFor(code: string, framework: PreviewFramework): Promise<RenderMessage> {
  if (isTsx(framework)) {
    const [tailwind, { tsxFrameScript }] = await Promise.all([loadTailwind(), import('./tsxPreview')]);
    return tsxRenderMessage(tsxFrameScript(code), tailwind);
  }
  const tailwind = framework === 'html-tailwind' ? await loadTailwind() : '';
  return renderMessage(code, framework, tailwind);
}

export function SandboxedPreview({ code, framework, title }: { code: string; framework: PreviewFramework; title: string }) {
  const [width, setWidth] = useState<PreviewWidth>(1280);
  const [available, setAvailable] = useState(0);
  const boxRef = useRef<HTMLDivElement>(null);

  // Wide viewports are scaled down to the panel so the whole layout stays in view.
  useEffect(() => {
    const box = boxRef.current;
    if (box === null) return undefined;
    const observer = new ResizeObserver(([entry]) => setAvailable(entry?.contentRect.width ?? 0));
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  const scale = available > 0 ? Math.min(1, available / width) : 1;

  return (
    <section className="sandbox-preview" aria-label="Live preview">
      <div className="sandbox-toolbar">
        <SegmentedRadio label="Preview width" options={PREVIEW_WIDTHS.map((w) => ({ value: w, label: `${w}px` }))} value={width} onChange={setWidth} />
        {scale < 1 && <span className="sandbox-scale">shown at {Math.round(scale * 100)}%</span>}
      </div>
      <div ref={boxRef}>
        {/* A fresh frame for each document: the frame renders once, then ignores messages. */}
        <PreviewFrame key={`${framework}:${code}`} code={code} framework={framework} title={title} width={width} scale={scale} />
      </div>
    </section>
  );
}

/** A frame that has not rendered by then is reported (instead of a spinner forever), with Reload. */
export const PREVIEW_START_TIMEOUT_MS = 5000;

function PreviewFrame({ code, framework, title, width, scale }: { code: string; framework: PreviewFramework; title: string; width: number; scale: number }) {
  const [height, setHeight] = useState(480);
  const [ready, setReady] = useState(false);
  const [error, setError] = useState<string | null>(null);
  // Why the preview did not start (no "ready" in time, or the code could not be prepared); Reload bumps `attempt`.
  const [stalled, setStalled] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const frameRef = useRef<HTMLIFrameElement>(null);

  useEffect(() => {
    let live = true;
    const timer = window.setTimeout(() => {
      if (live) setStalled('The preview frame did not answer.');
    }, PREVIEW_START_TIMEOUT_MS);
    // One answer per frame load (this frame is remounted for each code): generated code can
    // post "ready" in a loop, and every answer would re-send the code and multi-MB Tailwind.
    let answered = false;
    const onMessage = (event: MessageEvent): void => {
      const message = trustedPreviewMessage(event, frameRef.current?.contentWindow);
      if (message === null) return;
      if (message.type === 'wokgen-preview:ready') {
        if (answered) return;
        answered = true;
        const target = frameRef.current?.contentWindow;
        messageFor(code, framework).then(
          (render) => {
            if (!live) return;
            window.clearTimeout(timer);
            // The frame's origin is opaque, so "*" is the only target that reaches it; what we send is the user's own code.
            target?.postMessage(render, '*');
            setReady(true);
          },
          (failure: unknown) => {
            if (!live) return;
            window.clearTimeout(timer);
            setStalled(failure instanceof Error ? failure.message : String(failure));
          },
        );
      } else if (message.type === 'wokgen-preview:size') {
        setHeight(Math.min(PREVIEW_MAX_HEIGHT, Math.max(120, message.height)));
      } else {
        setError(message.message);
      }
    };
    window.addEventListener('message', onMessage);
    return () => {
      live = false;
      window.clearTimeout(timer);
      window.removeEventListener('message', onMessage);
    };
  }, [code, framework, attempt]);

  return (
    <>
      {!ready && stalled === null && <Spinner label="Starting the preview…" />}
      {!ready && stalled !== null && (
        <div className="field-hint sandbox-error" role="alert">
          <p>The preview could not start — the code is below. ({stalled})</p>
          <Button
            size="sm"
            icon="refresh"
            onClick={() => {
              setStalled(null);
              setAttempt((n) => n + 1);
            }}
          >
            Reload
          </Button>
        </div>
      )}
      {error !== null && (
        <p className="field-hint sandbox-error" role="status">
          A script in this code failed: {error}
        </p>
      )}
      <div className="sandbox-box" style={{ height: `${Math.ceil(height * scale)}px` }}>
        <iframe
          key={attempt}
          ref={frameRef}
          className="sandbox-frame"
          title={`Preview of ${title}`}
          src={PREVIEW_FRAME_URL}
          sandbox="allow-scripts"
          referrerPolicy="no-referrer"
          style={{ width: `${width}px`, height: `${height}px`, transform: `scale(${scale})` }}
        />
      </div>
    </>
  );
}
