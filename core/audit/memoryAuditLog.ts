import { AuditEntry, auditEntrySchema, AuditInput, auditInputSchema, AuditLog, AuditQuery, matchesAudit } from './types';

/** In-memory audit log (embedded default, tests). Ids are zero-padded sequence numbers, so they sort as strings. */
export class MemoryAuditLog implements AuditLog {
  private readonly entries: string[] = [];

  async append(input: AuditInput): Promise<AuditEntry> {
    const entry = auditEntrySchema.parse({ ...auditInputSchema.parse(input), id: String(this.entries.length + 1).padStart(12, '0') });
    this.entries.push(JSON.stringify(entry));
    return entry;
  }

  async list(q: AuditQuery): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    for (let i = this.entries.length - 1; i >= 0 && out.length < q.limit; i--) {
      const e = auditEntrySchema.parse(JSON.parse(this.entries[i]));
      if (q.before && e.id >= q.before) continue;
      if (matchesAudit(e, q)) out.push(e);
    }
    return out;
  }
}
