/**
 * Fan-out of core events to every connected transport (Electron windows, WebSocket clients).
 * The core emits into one hub; each transport subscribes with its own sink.
 */
import type { EventName, EventPayload } from '../../../shared/ipc/contract';
import type { EventSink } from '../ports';

export class EventHub implements EventSink {
  private readonly sinks = new Set<EventSink>();

  emit<E extends EventName>(event: E, payload: EventPayload<E>): void {
    for (const sink of this.sinks) sink.emit(event, payload);
  }

  attach(sink: EventSink): () => void {
    this.sinks.add(sink);
    return () => this.sinks.delete(sink);
  }
}
