/**
 * The renderer's Content-Security-Policy (Electron security checklist #7, "Define a Content
 * Security Policy"). One builder for the packaged app, the dev server and the end-to-end
 * harness, so they differ only where they must.
 */
export interface CspOptions {
  /** Vite's dev server injects an inline React-refresh preamble and <style> tags. */
  readonly dev?: boolean;
  /** Extra connect-src origins (the dev server's HMR socket, the e2e bridge's WebSocket). */
  readonly connectSrc?: ReadonlyArray<string>;
}

export function buildContentSecurityPolicy(options: CspOptions = {}): string {
  const inline = options.dev ? " 'unsafe-inline'" : '';
  const directives: Record<string, string> = {
    'default-src': "'none'",
    'script-src': `'self'${inline}`,
    'style-src': `'self'${inline}`,
    // wokgen-asset: workspace thumbnails and assets (main serves only files inside workspaces).
    'img-src': "'self' data: blob: wokgen-asset:",
    'font-src': "'self'",
    'connect-src': ["'self'", ...(options.connectSrc ?? [])].join(' '),
    'worker-src': "'self' blob:",
    // Only the UI/UX preview frame, served from the app's own origin with its own strict
    // policy (preview-frame.ts); nothing remote.
    'frame-src': "'self'",
    'object-src': "'none'",
    // index.html sets <base href="/"> so relative asset URLs work under /<mode>/studio.
    'base-uri': "'self'",
    'form-action': "'none'",
    'frame-ancestors': "'none'",
  };
  return Object.entries(directives)
    .map(([name, value]) => `${name} ${value}`)
    .join('; ');
}
