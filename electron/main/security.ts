/**
 * App-wide guards from Electron's security checklist
 * (https://www.electronjs.org/docs/latest/tutorial/security), applied to every webContents.
 */
import { app, session, shell, type Session } from 'electron';
import { assertSafeExternalUrl } from '../core/security/external-url';
import type { Logger } from '../core/ports';
import { originOf } from '../core/security/origin';
import { contentSecurityPolicyForPath } from '../core/security/preview-frame';

export function installNavigationGuards(appOrigin: string, log: Logger): void {
  app.on('web-contents-created', (_event, contents) => {
    // #13 "Disable or limit navigation": the studio is a single-page app and never navigates away.
    const refuseForeignNavigation = (event: Electron.Event, url: string) => {
      if (originOf(url) !== appOrigin) {
        event.preventDefault();
        log.warn('navigation blocked', { url });
      }
    };
    contents.on('will-navigate', refuseForeignNavigation);
    contents.on('will-redirect', refuseForeignNavigation);
    // #12 "Verify WebView options before creation": we use no <webview>, so none may attach.
    contents.on('will-attach-webview', (event) => event.preventDefault());
    // #14 "Disable or limit creation of new windows": https links go to the system browser.
    contents.setWindowOpenHandler(({ url }) => {
      try {
        shell.openExternal(assertSafeExternalUrl(url)).catch((error: unknown) => log.warn('system browser did not open', { error: String(error) }));
      } catch {
        log.warn('window.open refused', { url });
      }
      return { action: 'deny' };
    });
  });
}

/**
 * #5 "Handle session permission requests from remote content": everything is denied except
 * `clipboard-sanitized-write` for the studio's own origin — Chromium asks for it on
 * `navigator.clipboard.writeText` ("Copy code", "Copy prompt", the sign-in code), and a blanket
 * "no" made those buttons fail. Reading the clipboard stays denied.
 * Permission names and handler signatures: https://www.electronjs.org/docs/latest/api/session#sessetpermissionrequesthandlerhandler
 * and https://www.electronjs.org/docs/latest/api/session#sessetpermissioncheckhandlerhandler
 */
export function denyAllPermissions(appOrigin: string, target: Session = session.defaultSession): void {
  const allowed = (permission: string, origin: string | null | undefined) => permission === 'clipboard-sanitized-write' && originOf(origin ?? '') === appOrigin;
  target.setPermissionRequestHandler((_contents, permission, callback, details) => callback(allowed(permission, details.requestingUrl)));
  target.setPermissionCheckHandler((_contents, permission, requestingOrigin) => allowed(permission, requestingOrigin));
}

/** In development the dev server serves the renderer; give its responses the dev CSP. */
export function applyDevCsp(devOrigin: string, csp: string, target: Session = session.defaultSession): void {
  target.webRequest.onHeadersReceived((details, callback) => {
    const headers = { ...details.responseHeaders };
    if (originOf(details.url) === devOrigin) headers['Content-Security-Policy'] = [contentSecurityPolicyForPath(new URL(details.url).pathname, csp)];
    callback({ responseHeaders: headers });
  });
}
