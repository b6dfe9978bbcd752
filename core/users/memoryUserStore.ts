import { normaliseEmail, StaffUser, staffUserSchema, UserExists, UserNotFound, UserStore } from './types';

/** In-memory staff users (embedded default and tests); documents are copied in and out as JSON. */
export class MemoryUserStore implements UserStore {
  private readonly users = new Map<string, string>();
  private readonly byEmail = new Map<string, string>();

  async create(user: StaffUser): Promise<void> {
    const parsed = staffUserSchema.parse({ ...user, email: normaliseEmail(user.email) });
    if (this.users.has(parsed.id) || this.byEmail.has(parsed.email)) throw new UserExists(parsed.email);
    this.users.set(parsed.id, JSON.stringify(parsed));
    this.byEmail.set(parsed.email, parsed.id);
  }

  async get(id: string): Promise<StaffUser | undefined> {
    const raw = this.users.get(id);
    return raw ? staffUserSchema.parse(JSON.parse(raw)) : undefined;
  }

  async findByEmail(email: string): Promise<StaffUser | undefined> {
    const id = this.byEmail.get(normaliseEmail(email));
    return id ? this.get(id) : undefined;
  }

  async update(id: string, change: (current: StaffUser) => StaffUser): Promise<StaffUser> {
    const raw = this.users.get(id);
    if (!raw) throw new UserNotFound(id);
    const current = staffUserSchema.parse(JSON.parse(raw));
    const next = staffUserSchema.parse({ ...change(current), id, email: current.email });
    this.users.set(id, JSON.stringify(next));
    return next;
  }

  async list(): Promise<StaffUser[]> {
    return [...this.users.values()].map((raw) => staffUserSchema.parse(JSON.parse(raw))).sort((a, b) => a.email.localeCompare(b.email));
  }
}
