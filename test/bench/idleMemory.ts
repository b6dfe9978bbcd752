import { seededRandom } from './closedLoop';
import { HttpClient } from './httpClient';
import { Recorder } from './latency';
import { RedisProbe } from './redisStats';
import { BotFrameworkChild } from './flows/botFrameworkChild';
import { FLOW_LANGUAGES } from './flows/languages';

export interface IdleResult {
  conversations: number;
  bytesPerConversation: number;
  keysPerConversation: number;
}

/**
 * Redis memory per idle conversation: `used_memory` before and after N children are onboarded (language and age
 * chosen, at the menu) and then left alone, divided by N. Nothing else runs meanwhile.
 */
export async function idleConversationMemory(o: {
  heard: HttpClient;
  redis: RedisProbe;
  count: number;
  concurrency: number;
}): Promise<IdleResult> {
  const random = seededRandom(7);
  const before = { memory: await o.redis.usedMemory(), keys: await o.redis.keys() };
  let started = 0;
  let done = 0;
  const recorder = new Recorder();
  recorder.start(0);
  const workers = Array.from({ length: o.concurrency }, async () => {
    while (started < o.count) {
      started++;
      const lang = FLOW_LANGUAGES[Math.floor(random() * FLOW_LANGUAGES.length)];
      const child = new BotFrameworkChild(o.heard, recorder);
      const first = await child.begin(lang.hello);
      if (!first.buttons.includes(lang.button)) throw new Error(`onboarding: no ${lang.button} button`);
      const age = await child.say('language', lang.button);
      await child.say('age', age.buttons[1]);
      done++;
    }
  });
  await Promise.all(workers);
  const after = { memory: await o.redis.usedMemory(), keys: await o.redis.keys() };
  return {
    conversations: done,
    bytesPerConversation: (after.memory - before.memory) / done,
    keysPerConversation: (after.keys - before.keys) / done,
  };
}
