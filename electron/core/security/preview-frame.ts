/**
 * The UI/UX studio previews generated code in an iframe loaded from `PREVIEW_FRAME_PATH`,
 * sandboxed (`allow-scripts` only, so an opaque origin: no access to the app, its storage or
 * its IPC bridge) and served with its own strict policy below.
 *
 * Why a served document and not `srcdoc`: a srcdoc frame inherits the embedding page's CSP
 * (HTML "policy container" inheritance), so the app's `script-src 'self'` would block every
 * inline script and style in the preview — or the app itself would need 'unsafe-inline'.
 * A frame navigated to its own URL gets only the policy of its own response: the generated
 * code may run its inline scripts and styles, and nothing else (no network, no frames).
 */

export const PREVIEW_FRAME_PATH = '/preview-frame.html';

/**
 * The preview's policy: no network at all (default-src 'none' covers connect, fetch, img
 * URLs, fonts, frames, workers); sandboxed by the header itself; inline script/style for the generated code and the bundled
 * Tailwind compiler; data: images only. `frame-ancestors 'self'`: only the studio may embed it.
 */
export function buildPreviewFrameCsp(): string {
  return [
    "default-src 'none'",
    "script-src 'unsafe-inline'",
    "style-src 'unsafe-inline'",
    'img-src data:',
    'font-src data:',
    "base-uri 'none'",
    "form-action 'none'",
    "frame-ancestors 'self'",
    // The header's own sandbox (CSP3 `sandbox`): the page is sandboxed — opaque origin, no
    // same-origin access to the app, its storage or its IPC bridge — even when loaded without
    // the iframe's sandbox attribute (opened directly, or framed by a changed studio). Only
    // works as a header: browsers ignore `sandbox` in a <meta> policy, so the HTML's meta copy
    // cannot carry it.
    'sandbox allow-scripts',
  ].join('; ');
}

/** The policy a served renderer path gets: the preview frame's own, or the app's. */
export function contentSecurityPolicyForPath(pathname: string, appCsp: string): string {
  return pathname === PREVIEW_FRAME_PATH ? buildPreviewFrameCsp() : appCsp;
}
