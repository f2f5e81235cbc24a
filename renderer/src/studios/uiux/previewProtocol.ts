/**
 * The studio side of the UI/UX preview frame (renderer/public/preview-frame.html): which
 * messages from the frame are believed, and the document the frame is asked to show.
 *
 * A message counts only when all three hold: it comes from our frame's window (`source`),
 * from an opaque origin (the sandbox without allow-same-origin serialises as "null"), and it
 * parses against the schema. Anything else — another frame, a page that got a handle on us,
 * a malformed payload from generated code — is dropped.
 */
import { z } from 'zod';
import type { UiuxFramework } from '../../../../shared/mode-specs/uiux';

/** Served by main with its own CSP (electron/core/security/preview-frame.ts). */
export const PREVIEW_FRAME_URL = '/preview-frame.html';

/** The widths the preview offers (phone, tablet, laptop, desktop). */
export const PREVIEW_WIDTHS = [375, 768, 1280, 1440] as const;
export type PreviewWidth = (typeof PREVIEW_WIDTHS)[number];

/** Tallest the frame grows to before it scrolls inside. */
export const PREVIEW_MAX_HEIGHT = 2400;

export const PreviewFrameMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('wokgen-preview:ready') }).strict(),
  z.object({ type: z.literal('wokgen-preview:size'), height: z.number().int().min(0).max(1_000_000) }).strict(),
  z.object({ type: z.literal('wokgen-preview:error'), message: z.string().max(500) }).strict(),
]);
export type PreviewFrameMessage = z.infer<typeof PreviewFrameMessageSchema>;

/** The message, if it truly comes from `frame` and is one of ours; otherwise null. */
export function trustedPreviewMessage(
  event: Pick<MessageEvent, 'origin' | 'source' | 'data'>,
  frame: Window | null | undefined,
): PreviewFrameMessage | null {
  if (frame === null || frame === undefined || event.source !== frame) return null;
  if (event.origin !== 'null') return null;
  const parsed = PreviewFrameMessageSchema.safeParse(event.data);
  return parsed.success ? parsed.data : null;
}

/** Every framework is previewed: HTML as it is, TSX compiled and rendered with React in the frame (tsxPreview.ts). */
export function canPreview(framework: UiuxFramework | null): framework is UiuxFramework {
  return framework !== null;
}

export function isTsx(framework: UiuxFramework): framework is 'react-tsx' | 'next-tsx' {
  return framework === 'react-tsx' || framework === 'next-tsx';
}

/** The framework a code asset was generated for, from its embedded metadata (or its file type). */
export function frameworkOf(metadata: Readonly<Record<string, unknown>>, relativePath: string): UiuxFramework | null {
  const extra = metadata['extra'];
  if (typeof extra === 'object' && extra !== null) {
    const controls = (extra as Record<string, unknown>)['controls'];
    if (typeof controls === 'object' && controls !== null) {
      const framework = (controls as Record<string, unknown>)['framework'];
      if (framework === 'html-tailwind' || framework === 'vanilla-css' || framework === 'react-tsx' || framework === 'next-tsx') return framework;
    }
  }
  if (relativePath.endsWith('.tsx')) return 'react-tsx';
  if (relativePath.endsWith('.html')) return 'html-tailwind';
  return null;
}

/** The highlighter language of a code file. */
export function codeLanguageOf(relativePath: string): 'xml' | 'typescript' | 'css' {
  if (relativePath.endsWith('.tsx')) return 'typescript';
  if (relativePath.endsWith('.css')) return 'css';
  return 'xml';
}

export interface RenderMessage {
  readonly type: 'wokgen-preview:render';
  readonly html: string;
  /** The Tailwind browser compiler's source, for html-tailwind and TSX; empty otherwise. */
  readonly tailwind: string;
  /** For TSX: the script that renders the component (React, the frame's `require`, the compiled code). */
  readonly script?: string;
}

/**
 * What the frame is sent: generated HTML as it is (a fragment gets a minimal page around
 * it), plus the Tailwind compiler for html-tailwind. The frame's CSP, not this function,
 * is what keeps the code off the network.
 */
export function renderMessage(code: string, framework: 'html-tailwind' | 'vanilla-css', tailwind: string): RenderMessage {
  const isDocument = /<html[\s>]/i.test(code) || /<!doctype html/i.test(code);
  const html = isDocument ? code : `<!doctype html><html><head><meta charset="utf-8"></head><body>${code}</body></html>`;
  return { type: 'wokgen-preview:render', html, tailwind: framework === 'html-tailwind' ? tailwind : '' };
}

/** The page a TSX component renders into (tsxFrameRuntime.js looks for this root). */
export const TSX_FRAME_HTML = '<!doctype html><html><head><meta charset="utf-8"></head><body><div id="wokgen-preview-root"></div></body></html>';

/** What the frame is sent for React/Next TSX: an empty page, Tailwind, and the script that renders into it. */
export function tsxRenderMessage(script: string, tailwind: string): RenderMessage {
  return { type: 'wokgen-preview:render', html: TSX_FRAME_HTML, tailwind, script };
}
