import { StoreUnavailable } from '../../../core/store/types';
import { notifyHarness } from './notifyHarness';

const opts = { count: 10, blockMs: 0, claimIdleMs: 1000 };

describe('RedisOutbox specifics', () => {
  let h: ReturnType<typeof notifyHarness>;
  beforeEach(() => {
    h = notifyHarness();
  });
  afterEach(() => h.close());

  it('dead-letters an entry it cannot open instead of handing it out, and goes on with the next', async () => {
    await h.redis.xadd(`${h.prefix}outbox`, '*', 'event', '{"not":"sealed"}');
    const good = await h.file();
    const outbox = h.outbox();
    const read = await outbox.read('webhook', 'w1', opts);
    expect(read.map((d) => d.event)).toEqual([good]);
    const [dead] = await h.redis.xrange(`${h.prefix}outbox:dead`, '-', '+');
    expect(dead[1]).toEqual(expect.arrayContaining(['group', 'webhook', 'event', '{"not":"sealed"}']));
    expect(dead[1][dead[1].indexOf('reason') + 1]).toMatch(/^undecodable/);
    expect(await h.redis.xpending(`${h.prefix}outbox`, 'webhook')).toEqual([
      1,
      read[0].deliveryId,
      read[0].deliveryId,
      [['w1', '1']],
    ]);
  });

  it('keeps dead letters sealed at rest', async () => {
    const event = await h.file({ redactedText: 'someone hurts me at night' });
    const outbox = h.outbox();
    const [d] = await outbox.read('email', 'm1', opts);
    await outbox.deadLetter('email', d, 'gave up');
    const raw = JSON.stringify(await h.redis.xrange(`${h.prefix}outbox:dead`, '-', '+'));
    expect(raw).not.toContain('someone hurts me');
    expect((await outbox.deadLetters(1))[0].event).toEqual(event);
  });

  it('blocks each group on a connection of its own, so a waiting group never delays another', async () => {
    const outbox = h.outbox();
    const event = await h.file();
    await outbox.read('webhook', 'w', opts); // the webhook group has seen everything; email has not read yet
    const webhookWaits = outbox.read('webhook', 'w', { ...opts, blockMs: 1500 });
    await new Promise((r) => setTimeout(r, 50));
    const started = Date.now();
    const mail = await outbox.read('email', 'm', { ...opts, blockMs: 1500 });
    expect(Date.now() - started).toBeLessThan(500);
    expect(mail.map((d) => d.event.id)).toEqual([event.id]);
    expect(await webhookWaits).toEqual([]);
  });

  it('recreates its groups when the stream was deleted under it', async () => {
    const outbox = h.outbox();
    await outbox.read('webhook', 'w', opts);
    await h.redis.del(`${h.prefix}outbox`);
    await expect(outbox.read('webhook', 'w', opts)).rejects.toBeInstanceOf(StoreUnavailable);
    const event = await h.file();
    expect((await outbox.read('webhook', 'w', opts)).map((d) => d.event)).toEqual([event]);
  });
});
