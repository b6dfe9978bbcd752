import { Server } from 'node:http';
import type { Express, Router } from 'express';
import { Activity, TurnContext } from 'botbuilder';
import { DeviceRegistry } from '../../../core/devices/deviceRegistry';
import { TextSealer } from '../../../core/privacy/textSealer';
import type { RedisClient } from '../../../core/store/redis/redisConnection';
import { Logger } from '../../logger';
import { DirectLineConversations } from './conversations';
import { directLineRoutes } from './directLineRoutes';
import { StreamServer } from './streamServer';
import { ActivityBus, MemoryActivityBus } from './store/activityBus';
import { ConversationLog } from './store/conversationLog';
import { MemoryConversationLog } from './store/memoryConversationLog';
import { RedisActivityBus } from './store/redisActivityBus';
import { RedisConversationLog } from './store/redisConversationLog';
import { DirectLineTokens } from './tokens';

export interface DirectLineOptions {
  run(context: TurnContext): Promise<void>;
  onTurnError?(context: TurnContext, error: Error): Promise<void>;
  decorate?(activity: Partial<Activity>): Partial<Activity>;
  devices: DeviceRegistry;
  sealer: TextSealer;
  /** Signs conversation and stream tokens: a key of its own, shared by every instance. */
  tokenKey: Buffer;
  /** Redis (logs and the bus between instances) or, when absent, process memory. */
  redis?: RedisClient;
  redisPrefix: string;
  publicUrl?: string;
  logger: Logger;
}

export interface DirectLineChannel {
  routes: Router;
  conversations: DirectLineConversations;
  /** Makes `app.listen` also serve the WebSocket stream on the server it creates. */
  serveStreams(app: Express): void;
  close(): Promise<void>;
}

/** Builds the self-hosted Direct Line 3.0 channel: tokens, conversations, the bot in process, the stream. */
export function createDirectLine(o: DirectLineOptions): DirectLineChannel {
  const log: ConversationLog = o.redis
    ? new RedisConversationLog(o.redis, o.redisPrefix)
    : new MemoryConversationLog();
  const bus: ActivityBus = o.redis
    ? new RedisActivityBus(o.redis, o.redisPrefix, (err) =>
        o.logger.warn({ err: err.message }, 'direct line subscriber error'),
      )
    : new MemoryActivityBus();
  const tokens = new DirectLineTokens(o.tokenKey);
  const conversations = new DirectLineConversations({
    log,
    bus,
    tokens,
    sealer: o.sealer,
    run: o.run,
    onTurnError: o.onTurnError,
    decorate: o.decorate,
    logger: o.logger,
    serviceUrl: o.publicUrl ?? 'urn:heard:directline',
  });
  const stream = new StreamServer({ conversations, bus, tokens, logger: o.logger });
  return {
    routes: directLineRoutes({ conversations, tokens, devices: o.devices, publicUrl: o.publicUrl }),
    conversations,
    serveStreams(app) {
      const listen = app.listen.bind(app) as (...args: unknown[]) => Server;
      app.listen = ((...args: unknown[]) => {
        const server = listen(...args);
        stream.attach(server);
        return server;
      }) as Express['listen'];
    },
    async close() {
      await stream.close();
      await conversations.settle();
      await bus.close();
    },
  };
}
