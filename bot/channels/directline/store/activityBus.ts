import { EventEmitter } from 'node:events';

/** What a conversation's listeners are told: new activities are in its log, or it ended. */
export type BusNotice = 'activity' | 'ended';
export type BusListener = (notice: BusNotice) => void;

/**
 * Tells the instance holding a conversation's WebSocket that its log changed. Only a nudge crosses the bus: the
 * listener reads the activities from the log, so nothing a child wrote travels in the clear and nothing is lost if
 * a nudge is.
 */
export interface ActivityBus {
  publish(conversationId: string, notice: BusNotice): Promise<void>;
  /** Starts listening; resolves, once listening, to the function that stops it. */
  subscribe(conversationId: string, listener: BusListener): Promise<() => Promise<void>>;
  close(): Promise<void>;
}

/** One process: an event emitter. */
export class MemoryActivityBus implements ActivityBus {
  private readonly events = new EventEmitter().setMaxListeners(0);

  async publish(conversationId: string, notice: BusNotice): Promise<void> {
    this.events.emit(conversationId, notice);
  }

  async subscribe(conversationId: string, listener: BusListener): Promise<() => Promise<void>> {
    this.events.on(conversationId, listener);
    return async () => void this.events.off(conversationId, listener);
  }

  async close(): Promise<void> {
    this.events.removeAllListeners();
  }
}
