import express from 'express';
import { randomUUID } from 'node:crypto';
import { AddressInfo } from 'node:net';
import { Server } from 'node:http';
import { AdminApp, createAdmin } from '../../../admin/adminApp';
import { DeviceAdmin, DeviceRow } from '../../../admin/devices';
import { memoryStaffStores } from '../../../admin/staffStores';
import { DEFAULT_SLA } from '../../../core/cases/sla';
import { MemoryFacilityStore } from '../../../core/facilities/memoryFacilityStore';
import { SecretKeys } from '../../../core/privacy/secretKeys';
import { TextSealer } from '../../../core/privacy/textSealer';
import { MemoryRateLimiter } from '../../../core/store/memory/memoryRateLimiter';
import { MemoryReportStore } from '../../../core/store/memory/memoryReportStore';
import { newTotpSecret } from '../../../core/users/totp';
import { Translator } from '../../../admin/cases/translator';

/** An in-test stand-in for core/devices (not built yet when these tests were written). */
export class FakeDevices implements DeviceAdmin {
  readonly rows: DeviceRow[] = [];
  async list() {
    return this.rows;
  }
  async create(input: { facilityId: string; label: string }) {
    const device: DeviceRow = { id: randomUUID(), facilityId: input.facilityId, label: input.label, status: 'pending', createdAt: new Date().toISOString() };
    this.rows.push(device);
    return { device, enrolmentUrl: `http://kiosk.example/kiosk/enrol#${randomUUID()}` };
  }
  async revoke(id: string) {
    const d = this.rows.find((r) => r.id === id);
    if (d) d.status = 'revoked';
  }
}

export interface Harness {
  url: string;
  admin: AdminApp;
  reports: MemoryReportStore;
  facilities: MemoryFacilityStore;
  sealer: TextSealer;
  devices: FakeDevices;
  login: { email: string; password: string; totpSecret: string };
  errors: unknown[];
  stop(): Promise<void>;
}

/** The admin app alone on memory stores, mounted at /admin on a loopback port, with a bootstrap admin. */
export async function startHarness(opts: { translator?: Translator; production?: boolean } = {}): Promise<Harness> {
  const sealer = new TextSealer(new SecretKeys('harness-secret-0123456789abcdef0123456'));
  const reports = new MemoryReportStore({ append: () => undefined });
  const facilities = new MemoryFacilityStore();
  await facilities.upsert({ id: 'demo-facility', name: 'Demo children’s home', country: 'TH', kind: 'children_home' });
  const devices = new FakeDevices();
  const errors: unknown[] = [];
  const admin = createAdmin({
    reports,
    facilities,
    limiter: new MemoryRateLimiter(),
    sealer,
    stores: memoryStaffStores(),
    sla: DEFAULT_SLA,
    content: {
      meta: { en: { name: 'English', englishName: 'English', country: 'TH', review: 'draft', drafted: 'human', languageWords: ['language'] } },
      helplines: [{ country: 'TH', name: 'Childline Thailand', number: '1387', hours: '24 hours', verified: false, source: 'test' }],
    },
    viewsMinGroup: 5,
    production: opts.production ?? false,
    log: { error: (obj) => errors.push(obj), warn: () => undefined },
    translator: opts.translator,
    devices,
    livePollMs: 200,
  });
  const login = { email: 'harness.admin@monitor.example', password: 'harness password 123', totpSecret: newTotpSecret() };
  await admin.bootstrap(login);
  const app = express();
  app.use('/admin', admin.router);
  const server: Server = await new Promise((resolve) => {
    const s = app.listen(0, '127.0.0.1', () => resolve(s));
  });
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    admin,
    reports,
    facilities,
    sealer,
    devices,
    login,
    errors,
    stop: async () => {
      admin.close();
      server.closeAllConnections();
      await new Promise((r) => server.close(r));
    },
  };
}
