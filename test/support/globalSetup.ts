import { startRedisServer } from './redisServer';

// One throwaway redis-server for the whole run; tests isolate themselves with a unique key prefix.
export default async function globalSetup(): Promise<void> {
  const server = await startRedisServer();
  process.env.HEARD_TEST_REDIS_URL = server.url;
  (globalThis as Record<string, unknown>).__heardRedis = server;
}
