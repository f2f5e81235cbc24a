/**
 * The app's one websocket to ComfyUI (`/ws?clientId=<app client id>`): events for prompts we
 * queued with that client id arrive here. The first message negotiates
 * `supports_preview_metadata` (server.py L214-233), so previews carry their prompt id.
 * Malformed frames are logged and dropped. A dropped socket reconnects with exponential backoff
 * (Krita AI Diffusion's comfy_client does the same); jobs watch `onState` and poll history
 * while it is down.
 */
import WebSocket from 'ws';
import type { Logger } from '../../ports';
import { parseBinaryFrame, parseTextFrame, type ComfyFrame } from './frames';

export interface SocketOptions {
  readonly url: string;
  readonly headers: Record<string, string>;
  readonly log: Logger;
  readonly backoff?: { readonly initialMs: number; readonly maxMs: number };
}

type FrameListener = (frame: ComfyFrame) => void;
type StateListener = (open: boolean) => void;

export class ComfyUiSocket {
  private ws: WebSocket | undefined;
  private closed = false;
  private attempt = 0;
  private timer: NodeJS.Timeout | undefined;
  private readonly frames = new Set<FrameListener>();
  private readonly states = new Set<StateListener>();
  private opened: Promise<void> | undefined;
  private resolveOpened: (() => void) | undefined;

  constructor(private readonly options: SocketOptions) {}

  get isOpen(): boolean {
    return this.ws?.readyState === WebSocket.OPEN;
  }

  /** Starts connecting (idempotent); resolves when open or after `timeoutMs`, whichever is first. */
  async ensureOpen(timeoutMs: number): Promise<boolean> {
    if (this.isOpen) return true;
    if (!this.ws && !this.timer) this.connect();
    this.opened ??= new Promise<void>((resolve) => (this.resolveOpened = resolve));
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.opened, new Promise<void>((resolve) => (timer = setTimeout(resolve, timeoutMs)))]);
    clearTimeout(timer);
    return this.isOpen;
  }

  onFrame(listener: FrameListener): () => void {
    this.frames.add(listener);
    return () => this.frames.delete(listener);
  }

  onState(listener: StateListener): () => void {
    this.states.add(listener);
    return () => this.states.delete(listener);
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.timer = undefined;
    const ws = this.ws;
    const wasOpen = this.isOpen;
    this.ws = undefined;
    ws?.removeAllListeners();
    ws?.on('error', () => undefined);
    ws?.terminate();
    // Jobs still running on this socket (the connection was replaced or the app is closing) must
    // hear that it went down, so they follow /history instead of waiting for the stall watchdog.
    if (wasOpen) for (const listener of [...this.states]) listener(false);
  }

  private connect(): void {
    if (this.closed) return;
    this.timer = undefined;
    // No Origin header (ws sends none unless asked): ComfyUI's origin check stays happy.
    const ws = new WebSocket(this.options.url, { headers: this.options.headers, handshakeTimeout: 3_000 });
    this.ws = ws;
    ws.binaryType = 'nodebuffer';
    ws.on('open', () => {
      this.attempt = 0;
      ws.send(JSON.stringify({ type: 'feature_flags', data: { supports_preview_metadata: true } }));
      this.resolveOpened?.();
      this.opened = undefined;
      this.resolveOpened = undefined;
      for (const listener of this.states) listener(true);
    });
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      const result = isBinary ? parseBinaryFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength)) : parseTextFrame(data.toString('utf8'));
      if ('ignored' in result) {
        this.options.log.warn('comfyui: ignored a websocket frame', { reason: result.ignored });
        return;
      }
      for (const listener of this.frames) {
        try {
          listener(result.frame);
        } catch (error) {
          this.options.log.error('comfyui: frame listener failed', { error: String(error) });
        }
      }
    });
    ws.on('error', (error) => this.options.log.warn('comfyui: websocket error', { error: error.message }));
    ws.on('close', () => {
      if (this.ws !== ws) return;
      this.ws = undefined;
      for (const listener of this.states) listener(false);
      this.scheduleReconnect();
    });
  }

  private scheduleReconnect(): void {
    if (this.closed || this.timer) return;
    const { initialMs, maxMs } = this.options.backoff ?? { initialMs: 250, maxMs: 10_000 };
    const delay = Math.min(maxMs, initialMs * 2 ** this.attempt);
    this.attempt += 1;
    this.timer = setTimeout(() => this.connect(), delay);
  }
}
