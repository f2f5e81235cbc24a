/**
 * The window guards from Electron's security checklist, with Electron stood in: navigation
 * away from the studio is blocked, window.open never opens a window (https goes to the
 * system browser, anything else nowhere), <webview> cannot attach, permissions are denied.
 */
import { beforeEach, describe, expect, it, vi } from 'vitest';

const appListeners: Record<string, (...args: unknown[]) => void> = {};
const opened: string[] = [];
vi.mock('electron', () => ({
  app: { on: (event: string, fn: (...args: unknown[]) => void) => void (appListeners[event] = fn) },
  shell: { openExternal: async (url: string) => void opened.push(url) },
  session: { defaultSession: {} },
}));

const { installNavigationGuards, denyAllPermissions } = await import('./security');
const { silentLogger } = await import('../core/ports');

type Listener = (...args: unknown[]) => void;
function fakeContents() {
  const listeners: Record<string, Listener> = {};
  let openHandler: ((details: { url: string }) => { action: string }) | undefined;
  return {
    on: (event: string, fn: Listener) => void (listeners[event] = fn),
    setWindowOpenHandler: (fn: typeof openHandler) => void (openHandler = fn),
    fire(event: string, url?: string) {
      let prevented = false;
      listeners[event]?.({ preventDefault: () => (prevented = true) }, url);
      return prevented;
    },
    open: (url: string) => openHandler?.({ url }),
  };
}

let contents: ReturnType<typeof fakeContents>;
beforeEach(() => {
  opened.length = 0;
  installNavigationGuards('app://studio', silentLogger);
  contents = fakeContents();
  appListeners['web-contents-created']?.({}, contents);
});

describe('navigation guards', () => {
  it('allows navigation inside the studio and blocks everything else', () => {
    expect(contents.fire('will-navigate', 'app://studio/pixel/studio')).toBe(false);
    for (const url of ['https://evil.example/', 'file:///etc/passwd', 'app://other/', 'javascript:alert(1)', 'not a url']) {
      expect(contents.fire('will-navigate', url)).toBe(true);
      expect(contents.fire('will-redirect', url)).toBe(true);
    }
  });

  it('never lets a <webview> attach', () => {
    expect(contents.fire('will-attach-webview')).toBe(true);
  });

  it('denies every window.open, sending only https links to the system browser', async () => {
    expect(contents.open('https://wokgen.dev/pricing')).toEqual({ action: 'deny' });
    expect(contents.open('http://insecure.example/')).toEqual({ action: 'deny' });
    expect(contents.open('file:///etc/passwd')).toEqual({ action: 'deny' });
    await Promise.resolve();
    expect(opened).toEqual(['https://wokgen.dev/pricing']);
  });
});

describe('permissions', () => {
  let requestHandler: ((c: unknown, p: string, cb: (ok: boolean) => void, details: { requestingUrl: string }) => void) | undefined;
  let checkHandler: ((c: unknown, p: string, origin: string) => boolean) | undefined;
  beforeEach(() => {
    denyAllPermissions('app://studio', {
      setPermissionRequestHandler: (fn: typeof requestHandler) => void (requestHandler = fn),
      setPermissionCheckHandler: (fn: typeof checkHandler) => void (checkHandler = fn),
    } as never);
  });
  const request = (permission: string, requestingUrl: string) => {
    let answer: boolean | undefined;
    requestHandler?.({}, permission, (ok) => (answer = ok), { requestingUrl });
    return answer;
  };

  it('answers no to every permission request and check', () => {
    for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal']) {
      expect(request(permission, 'app://studio/pixel')).toBe(false);
      expect(checkHandler?.({}, permission, 'app://studio')).toBe(false);
    }
  });

  it('allows clipboard-sanitized-write (navigator.clipboard.writeText, the Copy buttons) for the studio only', () => {
    expect(request('clipboard-sanitized-write', 'app://studio/uiux')).toBe(true);
    expect(checkHandler?.({}, 'clipboard-sanitized-write', 'app://studio')).toBe(true);
    for (const foreign of ['https://evil.example/', 'app://other/', 'null']) {
      expect(request('clipboard-sanitized-write', foreign)).toBe(false);
      expect(checkHandler?.({}, 'clipboard-sanitized-write', foreign)).toBe(false);
    }
  });
});
