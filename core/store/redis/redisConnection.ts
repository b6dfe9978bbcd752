import { Cluster, Redis, RedisOptions } from 'ioredis';

export type RedisClient = Redis | Cluster;

/**
 * Opens a connection for `redis://`, `rediss://`, `redis+sentinel://host:port,host:port/masterName` or
 * `redis+cluster://host:port,host:port`.
 */
export function connectRedis(url: string, options: RedisOptions = {}): RedisClient {
  const base: RedisOptions = {
    // Fail commands fast while disconnected: callers fall back (the concern spool) instead of hanging a child.
    maxRetriesPerRequest: 1,
    enableOfflineQueue: false,
    ...options,
  };
  const multi = /^redis\+(sentinel|cluster):\/\/(?:([^@]*)@)?([^/]+)\/?(.*)$/.exec(url);
  if (!multi) return new Redis(url, base);
  const [, kind, auth, hostList, name] = multi;
  const nodes = hostList.split(',').map((hp) => {
    const [host, port] = hp.split(':');
    return { host, port: Number(port || (kind === 'sentinel' ? 26379 : 6379)) };
  });
  const password = auth ? decodeURIComponent(auth.split(':').pop() ?? '') : undefined;
  if (kind === 'sentinel') {
    return new Redis({ ...base, sentinels: nodes, name: name || 'mymaster', password });
  }
  return new Cluster(nodes, { redisOptions: { ...base, password }, enableOfflineQueue: false });
}

/**
 * Waits until the connection is ready; gives up at once when the server refuses (it is down), or after `ms` when
 * it does not answer. Resolves to whether it is ready (never throws).
 */
export function whenReady(redis: RedisClient, ms: number): Promise<boolean> {
  if (redis.status === 'ready') return Promise.resolve(true);
  return new Promise((resolve) => {
    const done = (ready: boolean) => {
      clearTimeout(timer);
      redis.off('ready', onReady);
      redis.off('error', onError);
      resolve(ready);
    };
    const onReady = () => done(true);
    const onError = () => done(false);
    const timer = setTimeout(() => done(false), ms);
    redis.once('ready', onReady);
    redis.once('error', onError);
  });
}
