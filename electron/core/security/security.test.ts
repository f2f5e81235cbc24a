import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildContentSecurityPolicy } from './content-security-policy';
import { buildPreviewFrameCsp, contentSecurityPolicyForPath, PREVIEW_FRAME_PATH } from './preview-frame';
import { mimeTypeFor, resolveStaticFile } from './static-files';

describe('content security policy', () => {
  it('is strict in production: no inline code, no eval, nothing remote, no frames', () => {
    const csp = buildContentSecurityPolicy();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'self';");
    expect(csp).not.toMatch(/unsafe-inline|unsafe-eval|https?:/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
  });

  it('loosens only what the dev server needs', () => {
    const csp = buildContentSecurityPolicy({ dev: true, connectSrc: ['ws://localhost:5173'] });
    expect(csp).toContain("script-src 'self' 'unsafe-inline'");
    expect(csp).toContain("connect-src 'self' ws://localhost:5173");
    expect(csp).not.toContain('unsafe-eval');
  });
});

describe('static renderer files', () => {
  const root = '/app/out/renderer';
  it('serves files inside the renderer folder and index.html for routes', () => {
    expect(resolveStaticFile(root, '/assets/index-abc.js')).toBe(join(root, 'assets/index-abc.js'));
    expect(resolveStaticFile(root, '/')).toBe(join(root, 'index.html'));
    expect(resolveStaticFile(root, '/pixel/studio')).toBe(join(root, 'index.html'));
  });

  it('refuses traversal, encoded or not', () => {
    expect(resolveStaticFile(root, '/../../etc/passwd.txt')).toBeNull();
    expect(resolveStaticFile(root, '/%2e%2e/%2e%2e/etc/passwd.txt')).toBeNull();
    expect(resolveStaticFile(root, '/%E0%A4%A')).toBeNull();
    expect(resolveStaticFile(root, '/a%00.js')).toBeNull();
  });

  it('types what it serves', () => {
    expect(mimeTypeFor('a.js')).toMatch(/javascript/);
    expect(mimeTypeFor('a.css')).toMatch(/css/);
    expect(mimeTypeFor('a.unknown')).toBe('application/octet-stream');
  });
});

describe('originOf', () => {
  it('works for our custom scheme, where URL.origin says "null"', async () => {
    const { originOf } = await import('./origin');
    expect(new URL('app://studio/pixel/studio').origin).toBe('null');
    expect(originOf('app://studio/pixel/studio')).toBe('app://studio');
    expect(originOf('http://localhost:5173/x')).toBe('http://localhost:5173');
    expect(originOf('file:///etc/passwd')).toBeNull();
    expect(originOf('not a url')).toBeNull();
  });
});

describe('the UI/UX preview frame policy', () => {
  it('lets generated code run inline but reach nothing: no network, no frames, no plugins', () => {
    const csp = buildPreviewFrameCsp();
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'unsafe-inline'");
    expect(csp).toContain('img-src data:');
    expect(csp).not.toMatch(/connect-src|https?:|'self' 'unsafe|unsafe-eval/);
  });

  it('sandboxes the page by its own header, scripts only (no same-origin, forms, popups or top navigation)', () => {
    const directives = buildPreviewFrameCsp().split(';').map((d) => d.trim());
    expect(directives).toContain('sandbox allow-scripts');
    expect(directives.filter((d) => d.startsWith('sandbox'))).toEqual(['sandbox allow-scripts']);
  });

  it('applies to the frame’s path only; the app keeps its own policy and may frame only itself', () => {
    const app = buildContentSecurityPolicy();
    expect(contentSecurityPolicyForPath(PREVIEW_FRAME_PATH, app)).toBe(buildPreviewFrameCsp());
    expect(contentSecurityPolicyForPath('/uiux/studio', app)).toBe(app);
    expect(contentSecurityPolicyForPath('/preview-frame.html/../index.html', app)).toBe(app);
    expect(app).toContain("frame-src 'self'");
  });
});
