import { OutboxEvent } from '../cases/types';

/** The notifiers; each is also the name of its consumer group on the outbox. */
export type NotifierName = 'webhook' | 'email';

/** Sends one event to the monitoring body. Throws on failure: PermanentDeliveryError when retrying cannot help. */
export interface Notifier {
  readonly name: NotifierName;
  send(event: OutboxEvent): Promise<void>;
}

/** A failure that no retry will fix (the receiver rejected the request): the event is dead-lettered at once. */
export class PermanentDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** A failure worth retrying (5xx, timeout, network). */
export class TransientDeliveryError extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

/** The slice of a pino logger the worker uses, so core/ does not depend on the bot's logger. */
export interface NotifyLog {
  info(obj: object, msg: string): void;
  warn(obj: object, msg: string): void;
  error(obj: object, msg: string): void;
}
