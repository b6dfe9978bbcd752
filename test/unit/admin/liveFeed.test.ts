import { randomUUID } from 'node:crypto';
import { LiveFeed } from '../../../admin/cases/liveFeed';
import { Report } from '../../../core/cases/types';
import { MemoryReportStore } from '../../../core/store/memory/memoryReportStore';

const filed = (store: MemoryReportStore, createdAt = new Date().toISOString()) => {
  const id = randomUUID();
  const r = { id, kind: 'concern', risk: 'urgent', categories: [], reasons: [], status: 'new', locale: 'en', channelId: 'x', pseudonym: 'p', createdAt, dueAt: createdAt, receiptHash: id, redactedText: '', wantsReply: false, notes: [] } as Report;
  return store.create(r, { id, type: 'report.created', reportId: id, risk: 'urgent', kind: 'concern', categories: [], locale: 'en', redactedText: '', createdAt, dueAt: createdAt }).then(() => r);
};
const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('the live feed of new reports', () => {
  it('announces a report filed in another process at the next poll, and not the ones that existed before', async () => {
    const store = new MemoryReportStore({ append: () => undefined });
    await filed(store);
    const feed = new LiveFeed(store, { pollMs: 20, onError: () => undefined });
    const heard: string[] = [];
    const stop = feed.subscribe((r) => heard.push(r.id));
    await tick(30);
    const fresh = await filed(store);
    await tick(60);
    expect(heard).toEqual([fresh.id]);
    stop();
  });

  it('announces a report notified in-process at once, once', async () => {
    const store = new MemoryReportStore({ append: () => undefined });
    const feed = new LiveFeed(store, { pollMs: 20, onError: () => undefined });
    const heard: string[] = [];
    const stop = feed.subscribe((r) => heard.push(r.id));
    await tick(30);
    const r = await filed(store);
    feed.notify(r);
    expect(heard).toEqual([r.id]);
    await tick(60);
    expect(heard).toEqual([r.id]);
    stop();
  });

  it('stops polling when the last listener leaves', async () => {
    let polls = 0;
    const store = new MemoryReportStore({ append: () => undefined });
    const counting = { ...store, list: (f: Parameters<MemoryReportStore['list']>[0]) => (polls++, store.list(f)) } as unknown as MemoryReportStore;
    const feed = new LiveFeed(counting, { pollMs: 10, onError: () => undefined });
    feed.subscribe(() => undefined)();
    const before = polls;
    await tick(50);
    expect(polls).toBe(before);
  });
});
