/**
 * Server-sent events (https://html.spec.whatwg.org/multipage/server-sent-events.html#event-stream-interpretation),
 * the part OpenAI-compatible chat streams use: `data:` lines (several join with "\n"), a blank
 * line ends an event, `:` lines are comments (keep-alives), an event with empty data (a bare
 * `data:` keep-alive) is not dispatched. Chunks may split anywhere, even
 * inside a UTF-8 character or between "\r" and "\n".
 */
export async function* readSseData(body: ReadableStream<Uint8Array>, maxBytes: number, onTooLarge: () => Error): AsyncGenerator<string> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let data: string[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (value) {
        total += value.byteLength;
        if (total > maxBytes) throw onTooLarge();
        buffer += decoder.decode(value, { stream: true });
      }
      if (done) buffer += `${decoder.decode()}\n\n`;
      let newline: number;
      while ((newline = buffer.search(/\r\n|\r|\n/)) !== -1) {
        // A lone "\r" at the end may be the first half of "\r\n": wait for the next chunk.
        if (buffer[newline] === '\r' && newline === buffer.length - 1 && !done) break;
        const line = buffer.slice(0, newline);
        buffer = buffer.slice(newline + (buffer.startsWith('\r\n', newline) ? 2 : 1));
        if (line === '') {
          // Spec: "If the data buffer is an empty string … return" — a bare `data:` keep-alive
          // dispatches nothing (yielding '' would reach JSON.parse and fail the whole answer).
          const joined = data.join('\n');
          if (joined !== '') yield joined;
          data = [];
        } else if (line.startsWith('data:')) {
          data.push(line.slice(line[5] === ' ' ? 6 : 5));
        }
        // Other fields (event:, id:, retry:) and comments are not used by chat streams.
      }
      if (done) return;
    }
  } finally {
    await reader.cancel().catch(() => undefined);
  }
}
