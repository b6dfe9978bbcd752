import { Redis } from 'ioredis';

/** `field:value` lines of an INFO section. */
export function infoFields(info: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of info.split(/\r?\n/)) {
    const i = line.indexOf(':');
    if (i > 0 && !line.startsWith('#')) out[line.slice(0, i)] = line.slice(i + 1);
  }
  return out;
}

/** Calls per command from INFO commandstats (`cmdstat_get:calls=12,usec=...`). */
export function commandCalls(info: string): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, value] of Object.entries(infoFields(info))) {
    const calls = /(?:^|,)calls=(\d+)/.exec(value);
    if (key.startsWith('cmdstat_') && calls) out[key.slice('cmdstat_'.length)] = Number(calls[1]);
  }
  return out;
}

/** The difference between two commandstats snapshots, without the INFO calls the bench made itself. */
export function commandDelta(
  before: Record<string, number>,
  after: Record<string, number>,
  ownInfoCalls: number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [cmd, calls] of Object.entries(after)) {
    const d = calls - (before[cmd] ?? 0) - (cmd === 'info' ? ownInfoCalls : 0);
    if (d > 0) out[cmd] = d;
  }
  return out;
}

/** A side connection to the bench's Redis, for its statistics only. */
export class RedisProbe {
  readonly redis: Redis;

  constructor(url: string) {
    this.redis = new Redis(url, { maxRetriesPerRequest: 1, lazyConnect: false });
  }

  async pid(): Promise<number> {
    return Number(infoFields(await this.redis.info('server')).process_id);
  }

  async commands(): Promise<Record<string, number>> {
    return commandCalls(await this.redis.info('commandstats'));
  }

  async usedMemory(): Promise<number> {
    return Number(infoFields(await this.redis.info('memory')).used_memory);
  }

  async keys(): Promise<number> {
    return this.redis.dbsize();
  }

  close(): Promise<unknown> {
    return this.redis.quit().catch(() => this.redis.disconnect());
  }
}
