import { Session, sessionEnded, sessionSchema, SessionStore } from './types';

/** In-memory sessions (embedded default, tests); ended sessions are dropped when met. */
export class MemorySessionStore implements SessionStore {
  private readonly sessions = new Map<string, string>();

  constructor(private readonly now: () => number = Date.now) {}

  async create(session: Session): Promise<void> {
    this.sweep();
    this.sessions.set(session.id, JSON.stringify(sessionSchema.parse(session)));
  }

  async get(id: string): Promise<Session | undefined> {
    const raw = this.sessions.get(id);
    if (!raw) return undefined;
    const s = sessionSchema.parse(JSON.parse(raw));
    if (!sessionEnded(s, this.now())) return s;
    this.sessions.delete(id);
    return undefined;
  }

  async update(id: string, change: (current: Session) => Session): Promise<Session | undefined> {
    const current = await this.get(id);
    if (!current) return undefined;
    const next = sessionSchema.parse({ ...change(current), id, userId: current.userId });
    this.sessions.set(id, JSON.stringify(next));
    return next;
  }

  async delete(id: string): Promise<void> {
    this.sessions.delete(id);
  }

  async deleteForUser(userId: string): Promise<number> {
    let n = 0;
    for (const [id, raw] of this.sessions) {
      if (sessionSchema.parse(JSON.parse(raw)).userId === userId) {
        this.sessions.delete(id);
        n++;
      }
    }
    return n;
  }

  // Without a sweep a long-running embedded process would keep every ended session it never saw again.
  private sweep(): void {
    const now = this.now();
    for (const [id, raw] of this.sessions) if (sessionEnded(sessionSchema.parse(JSON.parse(raw)), now)) this.sessions.delete(id);
  }
}
