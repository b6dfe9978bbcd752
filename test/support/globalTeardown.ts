import { RedisServer, removeDir } from './redisServer';

export default async function globalTeardown(): Promise<void> {
  const server = (globalThis as Record<string, unknown>).__heardRedis as RedisServer | undefined;
  if (!server) return;
  await server.stop();
  removeDir(server.dir);
}
