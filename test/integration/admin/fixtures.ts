import { randomUUID } from 'node:crypto';
import { Report } from '../../../core/cases/types';
import { newTotpSecret } from '../../../core/users/totp';
import { RunningApp, startTestApp } from '../../support/testApp';
import { AdminClient } from './adminClient';

export const ADMIN = { email: 'first.admin@monitor.example', password: 'correct horse battery staple', totpSecret: newTotpSecret() };

/** Starts the real service with a bootstrap admin. */
export function startAdminApp(env: Record<string, string> = {}): Promise<RunningApp> {
  return startTestApp({
    ADMIN_BOOTSTRAP_EMAIL: ADMIN.email,
    ADMIN_BOOTSTRAP_PASSWORD: ADMIN.password,
    ADMIN_BOOTSTRAP_TOTP_SECRET: ADMIN.totpSecret,
    SPOOL_DIR: `/tmp/heard-admin-test-spool-${process.pid}`,
    ...env,
  });
}

export async function signedInAdmin(url: string): Promise<AdminClient> {
  return new AdminClient(url).signIn(ADMIN.email, ADMIN.password, ADMIN.totpSecret);
}

/** Creates a user through the API as the admin and enrols them; returns their signed-in client. */
export async function staffMember(url: string, admin: AdminClient, role: 'triager' | 'supervisor' | 'admin', facilityIds: string[] = []): Promise<AdminClient & { email: string }> {
  const email = `${role}-${randomUUID().slice(0, 6)}@monitor.example`;
  const created = await admin.post('/admin/api/users', { email, name: `A ${role}`, role, facilityIds });
  if (created.status !== 201) throw new Error(`creating ${role} answered ${created.status}: ${created.text}`);
  const client = Object.assign(new AdminClient(url), { email });
  await client.enrol(email, created.json<{ password: string }>().password);
  return client;
}

/** A report as the bot files it, with the fields a test cares about. */
export function report(over: Partial<Report> = {}): Report {
  const id = over.id ?? randomUUID();
  const createdAt = over.createdAt ?? new Date().toISOString();
  return {
    id,
    kind: 'concern',
    risk: 'concern',
    categories: ['emotional_abuse'],
    reasons: ['shouted at every day'],
    status: 'new',
    facilityId: 'demo-facility',
    locale: 'en',
    channelId: 'directline',
    pseudonym: `p_${id.slice(0, 8)}`,
    createdAt,
    dueAt: new Date(Date.parse(createdAt) + 86_400_000).toISOString(),
    receiptHash: `h-${id}`,
    redactedText: 'They shout at us every day',
    wantsReply: true,
    notes: [],
    ...over,
  };
}

export async function fileReport(running: RunningApp, over: Partial<Report> = {}): Promise<Report> {
  const r = report(over);
  await running.heard.stores.reports.create(r, {
    id: randomUUID(),
    type: 'report.created',
    reportId: r.id,
    risk: r.risk,
    kind: r.kind,
    categories: r.categories,
    facilityId: r.facilityId,
    locale: r.locale,
    redactedText: r.redactedText,
    createdAt: r.createdAt,
    dueAt: r.dueAt,
  });
  return r;
}
