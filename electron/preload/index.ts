/**
 * The only door between the renderer and main (Electron security checklist #3, context
 * isolation). It exposes `window.wokgen`, a narrow domain-grouped API derived from the
 * contract's names — never `ipcRenderer` itself, never a generic send.
 */
import { contextBridge, ipcRenderer } from 'electron';
import { buildWokgenApi } from '../../shared/ipc/api';
import { CHANNEL_NAMES, EVENT_NAMES, ipcChannelFor, ipcEventFor } from '../../shared/ipc/names';

const api = buildWokgenApi(
  CHANNEL_NAMES,
  EVENT_NAMES,
  (channel, input) => ipcRenderer.invoke(ipcChannelFor(channel), input),
  (event, listener) => {
    // The IpcRendererEvent (with its `sender`) is dropped: the renderer gets the payload only.
    const wrapped = (_event: Electron.IpcRendererEvent, payload: unknown) => listener(payload);
    ipcRenderer.on(ipcEventFor(event), wrapped);
    return () => {
      ipcRenderer.removeListener(ipcEventFor(event), wrapped);
    };
  },
);

contextBridge.exposeInMainWorld('wokgen', api);
