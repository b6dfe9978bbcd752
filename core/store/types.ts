/**
 * Ports of the store. Each has a memory adapter (embedded default, tests) and a Redis adapter (production);
 * one contract suite in test/contracts/ runs against both.
 */

/** An item of bot state. `eTag` enables optimistic concurrency: '*' or absent means "overwrite". */
export interface StateItem {
  eTag?: string;
  [key: string]: unknown;
}

export type StateItems = Record<string, StateItem>;

/**
 * Key–value storage for conversation and user state. Structurally the same as botbuilder's `Storage`, so the
 * adapters plug into ConversationState/UserState without core/ importing botbuilder.
 */
export interface StateStorage {
  read(keys: string[]): Promise<StateItems>;
  write(changes: StateItems): Promise<void>;
  delete(keys: string[]): Promise<void>;
}

/** Liveness of the backing store, for /readyz and shutdown. */
export interface StoreLifecycle {
  ping(): Promise<void>;
  close(): Promise<void>;
}

export class StoreUnavailable extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = new.target.name;
  }
}

export class ETagConflict extends Error {
  constructor(readonly key: string) {
    super(`eTag conflict writing "${key}": it was changed by someone else`);
    this.name = new.target.name;
  }
}

/** Fixed-window rate limiting (wrong receipt codes, sign-in attempts). */
export interface RateLimiter {
  /** Counts one attempt for `key`; false once more than `limit` attempts fall in the current window. */
  hit(key: string, limit: number, windowMs: number): Promise<boolean>;
  /** Whether `key` already used up `limit` attempts in its current window (counts nothing). */
  exhausted(key: string, limit: number): Promise<boolean>;
}
