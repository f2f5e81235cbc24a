/**
 * Which renderers may talk to the core (Electron security checklist #17, "Validate the
 * sender of all IPC messages"). Like GitHub Desktop's `trusted-ipc-sender.ts` we keep the
 * ids of our own windows, and like VS Code's `ipcMain.ts` we accept only their top frame
 * at the app's own origin — an iframe (e.g. the UI/UX code preview) never gets through.
 */
import type { IpcMainInvokeEvent, WebContents } from 'electron';
import { originOf } from '../../core/security/origin';

export class TrustedSenders {
  private readonly ids = new Set<number>();

  constructor(private readonly appOrigin: string) {}

  add(contents: WebContents): void {
    const id = contents.id;
    this.ids.add(id);
    contents.once('destroyed', () => this.ids.delete(id));
  }

  has(contents: WebContents): boolean {
    return this.ids.has(contents.id);
  }

  /** Trusted = one of our windows, its top frame, currently showing our origin. */
  isTrusted(event: IpcMainInvokeEvent): boolean {
    if (!this.ids.has(event.sender.id)) return false;
    const frame = event.senderFrame;
    if (!frame || frame.parent !== null) return false;
    return originOf(frame.url) === this.appOrigin;
  }
}
