/**
 * The renderer-facing API shape, derived from the contract: `api.<domain>.<action>(input)`
 * resolves to a `Result`, never rejects for an expected failure. One builder serves the
 * Electron preload and the end-to-end WebSocket bridge, so the two cannot drift apart.
 */
import type { Result } from '../errors';
import type { ChannelInput, ChannelName, ChannelOutput, EventName, EventPayload } from './contract';

type DomainOf<K extends string> = K extends `${infer D}.${string}` ? D : never;
type ActionOf<K extends string, D extends string> = K extends `${D}.${infer A}` ? A : never;

/** Channels whose input has no required field may be called with no argument. */
type Args<K extends ChannelName> = Record<never, never> extends ChannelInput<K> ? [input?: ChannelInput<K>] : [input: ChannelInput<K>];

export type ChannelMethod<K extends ChannelName> = (...args: Args<K>) => Promise<Result<ChannelOutput<K>>>;

export type WokgenDomains = {
  readonly [D in DomainOf<ChannelName>]: {
    readonly [A in ActionOf<ChannelName, D>]: ChannelMethod<`${D}.${A}` & ChannelName>;
  };
};

export type Unsubscribe = () => void;

export type WokgenApi = WokgenDomains & {
  /** Subscribe to an event main sends; returns the function that unsubscribes. */
  readonly on: <E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void) => Unsubscribe;
  /**
   * The URL an <img> uses for a file inside a workspace (an asset, its original or its
   * thumbnail). Main serves it only from inside that workspace's folder.
   */
  readonly assetUrl: (workspaceId: string, relativePath: string) => string;
};

/** `<base><workspaceId>/<path segments, each URI-encoded>`: one format for every transport. */
export function formatAssetUrl(base: string, workspaceId: string, relativePath: string): string {
  const path = relativePath.split('/').filter((s) => s.length > 0).map(encodeURIComponent).join('/');
  return `${base}${encodeURIComponent(workspaceId)}/${path}`;
}

/** The asset URL base in the app: a custom protocol main registers (see electron/main/asset-protocol.ts). */
export const APP_ASSET_BASE = 'wokgen-asset://workspace/';

export type Invoke = (channel: string, input: unknown) => Promise<unknown>;
export type Subscribe = (event: string, listener: (payload: unknown) => void) => Unsubscribe;

/**
 * Builds the API from name lists. `invoke` must resolve to a `Result` value; transport
 * failures are turned into an `internal` error here so callers see one shape.
 */
export function buildWokgenApi(
  channelNames: ReadonlyArray<string>,
  eventNames: ReadonlyArray<string>,
  invoke: Invoke,
  subscribe: Subscribe,
  assetBase: string = APP_ASSET_BASE,
): WokgenApi {
  const domains: Record<string, Record<string, (input?: unknown) => Promise<unknown>>> = {};
  for (const name of channelNames) {
    const dot = name.indexOf('.');
    const domain = name.slice(0, dot);
    const action = name.slice(dot + 1);
    const group = (domains[domain] ??= {});
    group[action] = async (input?: unknown) => {
      try {
        return await invoke(name, input ?? {});
      } catch (cause) {
        return {
          ok: false,
          error: { code: 'internal', message: `The studio could not reach its core (${describe(cause)}).` },
        };
      }
    };
  }
  const allowedEvents = new Set(eventNames);
  const on = (event: string, listener: (payload: unknown) => void): Unsubscribe => {
    if (!allowedEvents.has(event)) throw new Error(`Unknown event: ${event}`);
    return subscribe(event, listener);
  };
  const assetUrl = (workspaceId: string, relativePath: string) => formatAssetUrl(assetBase, workspaceId, relativePath);
  return Object.freeze({ ...domains, on, assetUrl }) as unknown as WokgenApi;
}

function describe(cause: unknown): string {
  return cause instanceof Error ? cause.message : String(cause);
}
