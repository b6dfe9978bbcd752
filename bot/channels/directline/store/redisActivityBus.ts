import { Cluster } from 'ioredis';
import type { RedisClient } from '../../../../core/store/redis/redisConnection';
import { whenReady } from '../../../../core/store/redis/redisConnection';
import { ActivityBus, BusListener, BusNotice } from './activityBus';

interface Channel {
  listeners: Set<BusListener>;
  subscribed: Promise<unknown>;
}

/**
 * Several instances: Redis pub/sub, one channel per conversation, subscribed only while this instance holds one of
 * its sockets. Subscribing needs a connection of its own (a duplicate of the main client), opened on first use, so
 * processes that never hold a socket (ROLE=admin, worker) never open it.
 */
export class RedisActivityBus implements ActivityBus {
  private subscriber?: RedisClient;
  private readonly channels = new Map<string, Channel>();

  constructor(
    private readonly redis: RedisClient,
    private readonly prefix: string,
    private readonly onError: (err: Error) => void,
  ) {}

  async publish(conversationId: string, notice: BusNotice): Promise<void> {
    await this.redis.publish(this.channel(conversationId), notice);
  }

  async subscribe(conversationId: string, listener: BusListener): Promise<() => Promise<void>> {
    const name = this.channel(conversationId);
    const subscriber = this.connection();
    let channel = this.channels.get(name);
    if (!channel) {
      channel = {
        listeners: new Set(),
        subscribed: whenReady(subscriber, 5000).then(() => subscriber.subscribe(name)),
      };
      this.channels.set(name, channel);
    }
    const joined = channel;
    joined.listeners.add(listener);
    const stop = async () => {
      joined.listeners.delete(listener);
      if (joined.listeners.size > 0 || this.channels.get(name) !== joined) return;
      this.channels.delete(name);
      if (subscriber.status === 'ready') await subscriber.unsubscribe(name);
    };
    try {
      await joined.subscribed;
    } catch (err) {
      await stop().catch(() => undefined);
      throw err;
    }
    return stop;
  }

  async close(): Promise<void> {
    this.channels.clear();
    if (this.subscriber?.status === 'ready') await this.subscriber.quit();
    else this.subscriber?.disconnect();
  }

  private connection(): RedisClient {
    if (this.subscriber) return this.subscriber;
    // Narrowed so TypeScript can pick one `duplicate` from the Redis | Cluster union.
    const subscriber = this.redis instanceof Cluster ? this.redis.duplicate() : this.redis.duplicate();
    subscriber.on('error', this.onError);
    subscriber.on('message', (channel: string, message: string) => {
      if (message !== 'activity' && message !== 'ended') return;
      for (const listener of this.channels.get(channel)?.listeners ?? []) listener(message);
    });
    // Nudges sent while the subscriber was reconnecting are lost: have every listener re-read its log.
    let everReady = false;
    subscriber.on('ready', () => {
      if (everReady)
        for (const { listeners } of this.channels.values())
          for (const listener of listeners) listener('activity');
      everReady = true;
    });
    this.subscriber = subscriber;
    return subscriber;
  }

  private channel(conversationId: string) {
    return `${this.prefix}dl:notify:${conversationId}`;
  }
}
