/**
 * Serves the IPC contract over a WebSocket, for the end-to-end bridge. It runs the same
 * `dispatch` as main's IPC handlers and applies the same sender rule: only the page served
 * by our own static server (checked through the Origin header) may connect.
 */
import type { Server } from 'node:http';
import { WebSocketServer, type WebSocket } from 'ws';
import type { EventName, EventPayload } from '../../shared/ipc/contract';
import { dispatch, type CoreHandlers } from '../../electron/core/ipc/dispatch';
import type { EventSink, Logger } from '../../electron/core/ports';

export type BridgeRequest = { type: 'invoke'; id: number; channel: string; payload: unknown };
export type BridgeMessage = { type: 'result'; id: number; result: unknown } | { type: 'event'; event: string; payload: unknown };

export const BRIDGE_PATH = '/__wokgen_bridge';

export class WebSocketTransport implements EventSink {
  private readonly wss: WebSocketServer;
  private readonly clients = new Set<WebSocket>();
  constructor(
    server: Server,
    private readonly handlers: CoreHandlers,
    allowedOrigin: () => string,
    private readonly log: Logger,
  ) {
    this.wss = new WebSocketServer({
      server,
      path: BRIDGE_PATH,
      verifyClient: ({ origin }: { origin: string }) => origin === allowedOrigin(),
    });
    this.wss.on('connection', (socket) => {
      this.clients.add(socket);
      socket.on('close', () => this.clients.delete(socket));
      socket.on('message', (data) => void this.onMessage(socket, String(data)));
    });
  }

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    const message: BridgeMessage = { type: 'event', event, payload };
    for (const client of this.clients) client.send(JSON.stringify(message));
  }

  close(): void {
    for (const client of this.clients) client.terminate();
    this.wss.close();
  }

  private async onMessage(socket: WebSocket, text: string): Promise<void> {
    let request: BridgeRequest;
    try {
      request = JSON.parse(text) as BridgeRequest;
    } catch {
      this.log.warn('bridge: unparseable message dropped');
      return;
    }
    if (request.type !== 'invoke' || typeof request.id !== 'number' || typeof request.channel !== 'string') return;
    const result = await dispatch(this.handlers, request.channel, request.payload, { log: this.log, validateOutput: true });
    const reply: BridgeMessage = { type: 'result', id: request.id, result };
    if (socket.readyState === socket.OPEN) socket.send(JSON.stringify(reply));
  }
}
