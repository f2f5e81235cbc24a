import { describe, expect, it } from 'vitest';
import { readSseData } from './sse';

function streamOf(chunks: ReadonlyArray<string | Uint8Array>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    start(controller) {
      for (const chunk of chunks) controller.enqueue(typeof chunk === 'string' ? encoder.encode(chunk) : chunk);
      controller.close();
    },
  });
}

async function collect(chunks: ReadonlyArray<string | Uint8Array>, maxBytes = 1 << 20): Promise<string[]> {
  const out: string[] = [];
  for await (const data of readSseData(streamOf(chunks), maxBytes, () => new Error('too large'))) out.push(data);
  return out;
}

describe('readSseData', () => {
  it('yields each event’s data, skipping comments and other fields', async () => {
    expect(await collect([': keep-alive\n\n', 'event: message\ndata: {"a":1}\n\n', 'data: [DONE]\n\n'])).toEqual(['{"a":1}', '[DONE]']);
  });

  it('joins multi-line data and handles CRLF, CR and chunks split anywhere', async () => {
    expect(await collect(['data: one\r', '\ndata: two\r\n\r', '\n', 'data:three\r\rdata: x'])).toEqual(['one\ntwo', 'three', 'x']);
  });

  it('keeps a UTF-8 character split across chunks intact', async () => {
    const bytes = new TextEncoder().encode('data: héllo ✓\n\n');
    expect(await collect([bytes.slice(0, 8), bytes.slice(8, 15), bytes.slice(15)])).toEqual(['héllo ✓']);
  });

  it('dispatches nothing for a bare `data:` keep-alive (an empty data buffer, per the spec)', async () => {
    expect(await collect(['data:\n\n', 'data: {"a":1}\n\n', 'data: \r\n\r\n', 'data: [DONE]\n\n'])).toEqual(['{"a":1}', '[DONE]']);
  });

  it('stops with the caller’s error past the byte limit', async () => {
    await expect(collect(['data: 0123456789\n\n', 'data: 0123456789\n\n'], 25)).rejects.toThrow('too large');
  });
});
