import { randomUUID } from 'node:crypto';
import { redact } from '../privacy/redact';
import { SecretKeys } from '../privacy/secretKeys';
import { TextSealer } from '../privacy/textSealer';
import { RateLimiter, StoreUnavailable } from '../store/types';
import { Category, maxRisk, RiskLevel } from '../triage/types';
import { ConcernSpool } from './concernSpool';
import { hashReceiptCode, newReceiptCode, parseReceiptCode } from './receiptCode';
import { dueAt, Sla } from './sla';
import { OutboxEvent, Report, ReportStatus, ReportStore } from './types';

export interface FileReportInput {
  kind: 'concern' | 'complaint';
  risk: RiskLevel;
  categories: Category[];
  reasons: string[];
  topic?: string;
  text: string;
  locale: string;
  channelId: string;
  pseudonym: string;
  facilityId?: string;
  wantsReply: boolean;
  /** A Bot Framework conversation reference, kept (sealed) only when the child wants a reply. */
  conversationRef?: object;
}

export interface Filed {
  report: Report;
  /** Shown to the child once; never stored. */
  receiptCode: string;
  /** Where it is durably kept now: the store, or the local spool while the store is down. */
  durability: 'store' | 'spool';
}

/** What the child sees when checking a report: never more than the right code shows. */
export type CheckResult =
  | { found: true; status: ReportStatus; dueAt: string; replies: { at: string; text: string }[] }
  | { found: false; reason: 'not_found' | 'rate_limited' | 'malformed' };

export interface ReportServiceDeps {
  store: ReportStore;
  spool: ConcernSpool;
  keys: SecretKeys;
  sealer: TextSealer;
  sla: Sla;
  limiter: RateLimiter;
  now?: () => Date;
  /** Called after a report is durably filed (e.g. to wake the admin queue's live updates). */
  onFiled?: (report: Report) => void;
}

const HOUR = 3_600_000;
const WRONG_PER_CHILD = 5;
// Across all children: far above honest typos, far below what guessing 10^12 codes needs.
const WRONG_GLOBAL = 500;

/** Files complaints and concerns and answers "check my report". Protocol-free: the bot and admin both call it. */
export class ReportService {
  private readonly now: () => Date;

  constructor(private readonly deps: ReportServiceDeps) {
    this.now = deps.now ?? (() => new Date());
  }

  /**
   * Files a report with its outbox event atomically. If the store is down, the report goes to the fsynced local
   * spool instead; either way it resolves only once the report is durable, so the child may be told "sent".
   */
  async file(input: FileReportInput): Promise<Filed> {
    const { keys, sealer } = this.deps;
    const id = randomUUID();
    const now = this.now();
    const receiptCode = newReceiptCode();
    const redactedText = redact(input.text);
    const report: Report = {
      id,
      kind: input.kind,
      risk: input.risk,
      categories: input.categories,
      topic: input.topic,
      reasons: input.reasons,
      status: 'new',
      facilityId: input.facilityId,
      locale: input.locale,
      channelId: input.channelId,
      pseudonym: input.pseudonym,
      createdAt: now.toISOString(),
      dueAt: dueAt(this.deps.sla, input.kind, input.risk, now).toISOString(),
      receiptHash: hashReceiptCode(keys, receiptCode.replace(/-/g, '')),
      redactedText,
      original: input.text ? sealer.seal(input.text, id) : undefined,
      wantsReply: input.wantsReply,
      notes: [],
      conversationRef: input.wantsReply && input.conversationRef ? sealer.seal(JSON.stringify(input.conversationRef), `ref:${id}`) : undefined,
    };
    const event: OutboxEvent = {
      id: randomUUID(),
      type: 'report.created',
      reportId: id,
      risk: report.risk,
      kind: report.kind,
      categories: report.categories,
      facilityId: report.facilityId,
      locale: report.locale,
      redactedText,
      createdAt: report.createdAt,
      dueAt: report.dueAt,
    };
    let durability: Filed['durability'] = 'store';
    try {
      await this.deps.store.create(report, event);
    } catch (err) {
      if (!(err instanceof StoreUnavailable)) throw err;
      await this.deps.spool.append(report, event);
      durability = 'spool';
    }
    this.deps.onFiled?.(report);
    return { report, receiptCode, durability };
  }

  /**
   * Raises a report's risk after a later opinion (the model's): the level only goes up, categories and reasons
   * are added, and the due time moves earlier if the new level's SLA is shorter.
   */
  async raise(reportId: string, screening: { risk: RiskLevel; categories: Category[]; reasons: string[] }): Promise<Report> {
    return this.deps.store.update(reportId, (r) => {
      const risk = maxRisk(r.risk, screening.risk);
      const due = dueAt(this.deps.sla, r.kind, risk, new Date(r.createdAt)).toISOString();
      return {
        ...r,
        risk,
        categories: [...new Set([...r.categories, ...screening.categories])],
        reasons: [...new Set([...r.reasons, ...screening.reasons])],
        dueAt: r.status === 'new' && due < r.dueAt ? due : r.dueAt,
      };
    });
  }

  /** Adds what the child wrote next to a report they just filed (the "tell us more" after a concern). */
  async addText(reportId: string, text: string): Promise<void> {
    const { sealer } = this.deps;
    await this.deps.store.update(reportId, (r) => {
      const before = r.original ? sealer.open(r.original, r.id) : '';
      return {
        ...r,
        redactedText: `${r.redactedText}\n${redact(text)}`.trim(),
        original: sealer.seal(`${before}\n${text}`.trim(), r.id),
      };
    });
  }

  /**
   * Looks a report up by its receipt code. Wrong codes are limited per pseudonym (5 an hour) and globally
   * (500 an hour), and a wrong code gets the same answer whether or not it was ever issued.
   */
  async check(typed: string, pseudonym: string): Promise<CheckResult> {
    const digits = parseReceiptCode(typed);
    if (!digits) return { found: false, reason: 'malformed' };
    const { limiter } = this.deps;
    const mine = `check:${pseudonym}`;
    if ((await limiter.exhausted(mine, WRONG_PER_CHILD)) || (await limiter.exhausted('check:all', WRONG_GLOBAL))) {
      return { found: false, reason: 'rate_limited' };
    }
    const report = await this.deps.store.findByReceiptHash(hashReceiptCode(this.deps.keys, digits));
    if (!report) {
      await limiter.hit(mine, WRONG_PER_CHILD, HOUR);
      await limiter.hit('check:all', WRONG_GLOBAL, HOUR);
      return { found: false, reason: 'not_found' };
    }
    return {
      found: true,
      status: report.status,
      dueAt: report.dueAt,
      replies: report.notes.filter((n) => n.kind === 'reply').map((n) => ({ at: n.at, text: n.text })),
    };
  }
}
