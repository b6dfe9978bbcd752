import { AuditInput, AuditLog } from '../../core/audit/types';

export interface AuditLogHarness {
  log: AuditLog;
  close(): Promise<void>;
}

const entry = (n: number, over: Partial<AuditInput> = {}): AuditInput => ({
  at: new Date(Date.UTC(2026, 10, 2, 10, 0, n)).toISOString(),
  actor: n % 2 ? 'ana@monitor.example' : 'ben@monitor.example',
  action: 'report.view',
  target: `report-${n}`,
  ...over,
});

/** The behaviour every AuditLog adapter must show. */
export function auditLogContract(name: string, make: () => Promise<AuditLogHarness>): void {
  describe(`AuditLog contract: ${name}`, () => {
    let h: AuditLogHarness;
    beforeEach(async () => {
      h = await make();
    });
    afterEach(() => h.close());

    it('appends entries and lists them newest first with their ids', async () => {
      for (let i = 1; i <= 3; i++) await h.log.append(entry(i));
      const items = await h.log.list({ limit: 10 });
      expect(items.map((e) => e.target)).toEqual(['report-3', 'report-2', 'report-1']);
      expect(new Set(items.map((e) => e.id)).size).toBe(3);
    });

    it('pages back with `before` without repeating or skipping an entry', async () => {
      for (let i = 1; i <= 1200; i++) await h.log.append(entry(i, { target: `t${i}` }));
      const seen: string[] = [];
      let before: string | undefined;
      for (;;) {
        const page = await h.log.list({ limit: 250, before });
        if (page.length === 0) break;
        seen.push(...page.map((e) => e.target));
        before = page[page.length - 1].id;
      }
      expect(seen).toHaveLength(1200);
      expect(seen[0]).toBe('t1200');
      expect(seen[1199]).toBe('t1');
    });

    it('filters by actor, action and target', async () => {
      await h.log.append(entry(1));
      await h.log.append(entry(2, { action: 'report.original' }));
      await h.log.append(entry(3, { action: 'signin.failure', target: 'session' }));
      expect((await h.log.list({ limit: 10, actor: 'ana@monitor.example' })).map((e) => e.target)).toEqual(['session', 'report-1']);
      expect((await h.log.list({ limit: 10, action: 'report.original' })).map((e) => e.target)).toEqual(['report-2']);
      expect((await h.log.list({ limit: 10, target: 'report-1' })).map((e) => e.action)).toEqual(['report.view']);
    });

    it('keeps details and the address exactly as written', async () => {
      await h.log.append(entry(1, { ip: '10.0.0.7', detail: { from: 'new', to: 'acknowledged' } }));
      const [e] = await h.log.list({ limit: 1 });
      expect(e).toMatchObject({ ...entry(1), ip: '10.0.0.7', detail: { from: 'new', to: 'acknowledged' } });
    });

    it('refuses an entry with an unknown action', async () => {
      await expect(h.log.append(entry(1, { action: 'report.delete' as AuditInput['action'] }))).rejects.toThrow();
    });

    it('offers no way to change or remove an entry', () => {
      const proto = Object.getPrototypeOf(h.log) as object;
      const methods = Object.getOwnPropertyNames(proto).filter((m) => typeof Object.getOwnPropertyDescriptor(proto, m)?.value === 'function');
      // `guard` is the adapters' private error wrapper, not an operation on entries.
      expect(methods.filter((m) => m !== 'constructor' && m !== 'guard').sort()).toEqual(['append', 'list']);
    });
  });
}
