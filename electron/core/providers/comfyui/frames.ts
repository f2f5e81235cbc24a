/**
 * ComfyUI websocket frames (server.py `send_json`/`encode_bytes`, protocol.py `BinaryEventTypes`):
 * text frames are `{type, data}` JSON; binary frames start with a big-endian uint32 event type:
 *   1 PREVIEW_IMAGE                — uint32 format (1 JPEG, 2 PNG), image bytes
 *   3 TEXT                         — uint32 node id length, node id, text
 *   4 PREVIEW_IMAGE_WITH_METADATA  — uint32 JSON length, JSON {prompt_id, node_id, image_type…}, image bytes
 * Anything else, or anything cut short, parses to `null` with a reason: never an exception.
 */

export type ComfyFrame =
  | { readonly kind: 'event'; readonly type: string; readonly data: Record<string, unknown> }
  | { readonly kind: 'preview'; readonly mime: string; readonly bytes: Uint8Array; readonly promptId: string | null; readonly nodeId: string | null }
  | { readonly kind: 'text'; readonly nodeId: string; readonly text: string };

export type FrameResult = { readonly frame: ComfyFrame } | { readonly ignored: string };

export function parseTextFrame(text: string): FrameResult {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ignored: 'text frame is not JSON' };
  }
  if (typeof value !== 'object' || value === null) return { ignored: 'text frame is not an object' };
  const { type, data } = value as { type?: unknown; data?: unknown };
  if (typeof type !== 'string') return { ignored: 'text frame has no type' };
  return { frame: { kind: 'event', type, data: typeof data === 'object' && data !== null ? (data as Record<string, unknown>) : {} } };
}

const FORMAT_MIME: Readonly<Record<number, string>> = { 1: 'image/jpeg', 2: 'image/png' };
const METADATA_MIME = new Set(['image/jpeg', 'image/png', 'image/webp']);

export function parseBinaryFrame(data: Uint8Array): FrameResult {
  if (data.byteLength < 8) return { ignored: `binary frame of ${data.byteLength} bytes is too short` };
  const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  const type = view.getUint32(0);
  const word = view.getUint32(4);
  switch (type) {
    case 1: {
      const mime = FORMAT_MIME[word];
      if (!mime) return { ignored: `preview frame with unknown image format ${word}` };
      if (data.byteLength === 8) return { ignored: 'preview frame without image bytes' };
      return { frame: { kind: 'preview', mime, bytes: data.subarray(8), promptId: null, nodeId: null } };
    }
    case 3: {
      if (8 + word > data.byteLength) return { ignored: 'text frame node id runs past the end' };
      const decoder = new TextDecoder();
      return { frame: { kind: 'text', nodeId: decoder.decode(data.subarray(8, 8 + word)), text: decoder.decode(data.subarray(8 + word)) } };
    }
    case 4: {
      if (8 + word >= data.byteLength) return { ignored: 'preview metadata runs past the end' };
      let metadata: Record<string, unknown>;
      try {
        const parsed: unknown = JSON.parse(new TextDecoder().decode(data.subarray(8, 8 + word)));
        if (typeof parsed !== 'object' || parsed === null) return { ignored: 'preview metadata is not an object' };
        metadata = parsed as Record<string, unknown>;
      } catch {
        return { ignored: 'preview metadata is not JSON' };
      }
      const mime = typeof metadata['image_type'] === 'string' ? metadata['image_type'] : '';
      if (!METADATA_MIME.has(mime)) return { ignored: `preview image type "${mime}" is not supported` };
      return {
        frame: {
          kind: 'preview',
          mime,
          bytes: data.subarray(8 + word),
          promptId: typeof metadata['prompt_id'] === 'string' ? metadata['prompt_id'] : null,
          nodeId: typeof metadata['node_id'] === 'string' ? metadata['node_id'] : null,
        },
      };
    }
    default:
      return { ignored: `unknown binary event type ${type}` };
  }
}
