import pino from 'pino';
import { startRetentionPurge } from '../../../bot/retentionPurge';
import { MemoryReportStore } from '../../../core/store/memory/memoryReportStore';
import { sampleEvent, sampleReport } from '../../contracts/reportStoreContract';

describe('startRetentionPurge', () => {
  it('removes reports closed longer ago than the retention, at start', async () => {
    const store = new MemoryReportStore({ append: () => undefined });
    const day = 86_400_000;
    const old = sampleReport({ status: 'closed', closedAt: new Date(Date.now() - 400 * day).toISOString() });
    const recent = sampleReport({ status: 'closed', closedAt: new Date(Date.now() - 10 * day).toISOString() });
    for (const r of [old, recent]) await store.create(r, sampleEvent(r));
    const purge = startRetentionPurge(store, 365, pino({ level: 'silent' }));
    await new Promise((r) => setTimeout(r, 20));
    purge.stop();
    expect(await store.get(old.id)).toBeUndefined();
    expect(await store.get(recent.id)).toBeDefined();
  });
});
