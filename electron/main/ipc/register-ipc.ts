/**
 * The only place `ipcMain` is used (lint bans it elsewhere). Every contract channel gets a
 * handler that checks the sender, then hands the payload to the core's `dispatch`, which
 * validates it with zod and returns a typed `Result`.
 */
import { ipcMain, type WebContents } from 'electron';
import { err } from '../../../shared/errors';
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import { CHANNEL_NAMES, ipcChannelFor, ipcEventFor } from '../../../shared/ipc/names';
import { dispatch, type CoreHandlers } from '../../core/ipc/dispatch';
import type { EventSink, Logger } from '../../core/ports';
import type { TrustedSenders } from './trusted-senders';

export function registerIpcHandlers(handlers: CoreHandlers, trusted: TrustedSenders, log: Logger, validateOutput: boolean): () => void {
  for (const name of CHANNEL_NAMES) {
    ipcMain.handle(ipcChannelFor(name), async (event, payload: unknown) => {
      if (!trusted.isTrusted(event)) {
        log.warn('IPC from an untrusted sender refused', { channel: name, url: event.senderFrame?.url ?? null });
        return err('forbidden', 'This window is not allowed to use the studio.');
      }
      return dispatch(handlers, name, payload, { log, validateOutput });
    });
  }
  return () => {
    for (const name of CHANNEL_NAMES) ipcMain.removeHandler(ipcChannelFor(name));
  };
}

/** Sends core events to every trusted window that is still alive. */
export class WindowEventSink implements EventSink {
  private readonly targets = new Set<WebContents>();

  add(contents: WebContents): void {
    this.targets.add(contents);
    contents.once('destroyed', () => this.targets.delete(contents));
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const contents of this.targets) {
      if (!contents.isDestroyed()) contents.send(ipcEventFor(event), payload);
    }
  }
}
