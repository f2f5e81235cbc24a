import { describe, expect, it } from 'vitest';
import { parseBinaryFrame, parseTextFrame } from './frames';
import { previewFrame, previewFrameWithMetadata, textFrame } from './testing/test-images';

const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3, 0xff, 0xd9]);

describe('websocket frames', () => {
  it('parses text events', () => {
    expect(parseTextFrame('{"type":"progress","data":{"value":1,"max":4,"prompt_id":"p"}}')).toEqual({
      frame: { kind: 'event', type: 'progress', data: { value: 1, max: 4, prompt_id: 'p' } },
    });
  });

  it('type 1 PREVIEW_IMAGE: format word then image bytes', () => {
    const result = parseBinaryFrame(previewFrame(jpeg, 'jpeg'));
    expect(result).toMatchObject({ frame: { kind: 'preview', mime: 'image/jpeg', promptId: null } });
    expect(Buffer.from((result as { frame: { bytes: Uint8Array } }).frame.bytes)).toEqual(jpeg);
    expect(parseBinaryFrame(previewFrame(jpeg, 'png'))).toMatchObject({ frame: { mime: 'image/png' } });
  });

  it('type 4 PREVIEW_IMAGE_WITH_METADATA: the prompt id and image type from the JSON', () => {
    const result = parseBinaryFrame(previewFrameWithMetadata(jpeg, { prompt_id: 'p1', node_id: '3', image_type: 'image/jpeg' }));
    expect(result).toMatchObject({ frame: { kind: 'preview', mime: 'image/jpeg', promptId: 'p1', nodeId: '3' } });
  });

  it('type 3 TEXT: node id and text', () => {
    expect(parseBinaryFrame(textFrame('12', 'loading model'))).toEqual({ frame: { kind: 'text', nodeId: '12', text: 'loading model' } });
  });

  it('malformed frames are ignored with a reason, never thrown', () => {
    expect(parseTextFrame('{not json')).toHaveProperty('ignored');
    expect(parseTextFrame('"just a string"')).toHaveProperty('ignored');
    expect(parseTextFrame('{"data":{}}')).toHaveProperty('ignored');
    expect(parseBinaryFrame(new Uint8Array([0, 0, 0]))).toHaveProperty('ignored');
    expect(parseBinaryFrame(new Uint8Array([0, 0, 0, 9, 0, 0, 0, 0, 1]))).toEqual({ ignored: 'unknown binary event type 9' });
    expect(parseBinaryFrame(new Uint8Array([0, 0, 0, 1, 0, 0, 0, 7, 1]))).toHaveProperty('ignored');
    expect(parseBinaryFrame(new Uint8Array([0, 0, 0, 1, 0, 0, 0, 1]))).toHaveProperty('ignored');
    expect(parseBinaryFrame(new Uint8Array([0, 0, 0, 4, 0, 0, 0, 200, 1, 2]))).toHaveProperty('ignored');
    expect(parseBinaryFrame(previewFrameWithMetadata(jpeg, { image_type: 'image/tiff' }))).toHaveProperty('ignored');
    expect(parseBinaryFrame(new Uint8Array([0, 0, 0, 3, 0, 0, 0, 50, 65]))).toHaveProperty('ignored');
  });
});
