import { Outbox, OutboxDelivery, ReportStore } from '../../core/cases/types';
import { sampleEvent, sampleReport } from './reportStoreContract';

export interface OutboxHarness {
  outbox: Outbox;
  /** Files reports through the report store, which writes their outbox events as production does. */
  store: ReportStore;
  close(): Promise<void>;
}

/** Short enough for tests, long enough that a read never claims what another consumer just received. */
export const CLAIM_IDLE_MS = 150;
const opts = (over: Partial<{ count: number; blockMs: number; claimIdleMs: number }> = {}) => ({
  count: 10,
  blockMs: 50,
  claimIdleMs: CLAIM_IDLE_MS,
  ...over,
});
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The behaviour every Outbox adapter must show: Redis Streams consumer-group semantics. */
export function outboxContract(name: string, make: () => Promise<OutboxHarness>): void {
  describe(`Outbox contract: ${name}`, () => {
    let h: OutboxHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(() => h.close());

    async function file(count: number) {
      const ids: string[] = [];
      for (let i = 0; i < count; i++) {
        const r = sampleReport();
        await h.store.create(r, sampleEvent(r));
        ids.push(r.id);
      }
      return ids;
    }
    const reportIds = (ds: OutboxDelivery[]) => ds.map((d) => d.event.reportId);

    it('hands every event to each group once, oldest first, as first attempts', async () => {
      const ids = await file(3);
      const web = await h.outbox.read('webhook', 'w1', opts());
      const mail = await h.outbox.read('email', 'm1', opts());
      expect(reportIds(web)).toEqual(ids);
      expect(reportIds(mail)).toEqual(ids);
      expect(web.map((d) => d.attempts)).toEqual([1, 1, 1]);
      expect(await h.outbox.read('webhook', 'w2', opts())).toEqual([]);
    });

    it('reads at most count events per call', async () => {
      const ids = await file(3);
      expect(reportIds(await h.outbox.read('webhook', 'w1', opts({ count: 2 })))).toEqual(ids.slice(0, 2));
      expect(reportIds(await h.outbox.read('webhook', 'w1', opts({ count: 2 })))).toEqual(ids.slice(2));
    });

    it('a blocked read returns as soon as an event is filed', async () => {
      await h.outbox.read('webhook', 'w1', opts()); // creates the group before anything is filed
      const started = Date.now();
      const reading = h.outbox.read('webhook', 'w1', opts({ blockMs: 2000 }));
      await sleep(30);
      const [id] = await file(1);
      expect(reportIds(await reading)).toEqual([id]);
      expect(Date.now() - started).toBeLessThan(1000);
    });

    it('gives an unacked event to another consumer once it has been idle for claimIdleMs, counting the attempt', async () => {
      const [id] = await file(1);
      await h.outbox.read('webhook', 'crashed', opts());
      expect(await h.outbox.read('webhook', 'w2', opts())).toEqual([]);
      await sleep(CLAIM_IDLE_MS + 50);
      const claimed = await h.outbox.read('webhook', 'w2', opts());
      expect(reportIds(claimed)).toEqual([id]);
      expect(claimed[0].attempts).toBe(2);
    });

    it('never hands out an acked event again', async () => {
      await file(1);
      const [d] = await h.outbox.read('webhook', 'w1', opts());
      await h.outbox.ack('webhook', d.deliveryId);
      await sleep(CLAIM_IDLE_MS + 50);
      expect(await h.outbox.read('webhook', 'w2', opts())).toEqual([]);
    });

    it('keeps groups apart: an ack in one leaves the event pending in the other', async () => {
      const [id] = await file(1);
      const [web] = await h.outbox.read('webhook', 'w1', opts());
      await h.outbox.read('email', 'm1', opts());
      await h.outbox.ack('webhook', web.deliveryId);
      await sleep(CLAIM_IDLE_MS + 50);
      expect(await h.outbox.read('webhook', 'w2', opts())).toEqual([]);
      expect(reportIds(await h.outbox.read('email', 'm2', opts()))).toEqual([id]);
    });

    it('a retry given back with retryLater comes again after its delay, not before', async () => {
      const [id] = await file(1);
      const [d] = await h.outbox.read('webhook', 'w1', opts());
      await h.outbox.retryLater!('webhook', 'w1', d.deliveryId, { delayMs: 60, claimIdleMs: 5000 });
      expect(await h.outbox.read('webhook', 'w1', opts({ claimIdleMs: 5000 }))).toEqual([]);
      await sleep(100);
      const again = await h.outbox.read('webhook', 'w2', opts({ claimIdleMs: 5000 }));
      expect(reportIds(again)).toEqual([id]);
      expect(again[0].attempts).toBe(2);
    });

    it('dead-letters an event with its group and reason, newest first, and stops handing it out', async () => {
      const [first, second] = await file(2);
      const [a, b] = await h.outbox.read('email', 'm1', opts());
      await h.outbox.deadLetter('email', a, 'smtp said no');
      await h.outbox.deadLetter('email', b, 'gave up after 8 attempts');
      const dead = await h.outbox.deadLetters(10);
      expect(dead.map((d) => [d.event.reportId, d.group, d.reason])).toEqual([
        [second, 'email', 'gave up after 8 attempts'],
        [first, 'email', 'smtp said no'],
      ]);
      expect(dead[0].event).toEqual(b.event);
      expect(await h.outbox.deadLetters(1)).toHaveLength(1);
      await sleep(CLAIM_IDLE_MS + 50);
      expect(await h.outbox.read('email', 'm2', opts())).toEqual([]);
    });
  });
}
