import { createHmac } from 'node:crypto';
import { DeviceRegistry } from '../../core/devices/deviceRegistry';
import { DeviceStore } from '../../core/devices/types';

export interface DeviceStoreHarness {
  store: DeviceStore;
  /** Everything the adapter holds, as text, to prove no code or key is stored in the clear. */
  dump(): Promise<string>;
  close(): Promise<void>;
}

const hash = (secret: string) => createHmac('sha256', 'contract-key').update(secret).digest('base64url');

/** The behaviour every DeviceStore adapter must show, seen through the DeviceRegistry that uses it. */
export function deviceStoreContract(name: string, make: () => Promise<DeviceStoreHarness>): void {
  describe(`DeviceStore contract: ${name}`, () => {
    let h: DeviceStoreHarness;
    let now: Date;
    let devices: DeviceRegistry;
    beforeEach(async () => {
      h = await make();
      now = new Date('2026-11-28T10:00:00.000Z');
      devices = new DeviceRegistry(h.store, { hash, now: () => now });
    });
    afterEach(() => h.close());

    it('creates a pending device whose code is valid for seven days', async () => {
      const { device, enrolmentCode } = await devices.create('demo-facility', 'Common room tablet');
      expect(device).toMatchObject({
        facilityId: 'demo-facility',
        label: 'Common room tablet',
        status: 'pending',
      });
      expect(device.enrolmentExpiresAt).toBe('2026-12-05T10:00:00.000Z');
      expect(enrolmentCode.length).toBeGreaterThanOrEqual(20);
      expect(await devices.get(device.id)).toEqual(device);
    });

    it('exchanges the code once for a device key that then verifies', async () => {
      const { device, enrolmentCode } = await devices.create('demo-facility', 'Tablet');
      const enrolled = await devices.enrol(enrolmentCode);
      expect(enrolled?.device).toMatchObject({
        id: device.id,
        status: 'active',
        enrolledAt: now.toISOString(),
      });
      expect(await devices.enrol(enrolmentCode)).toBeUndefined();
      expect(await devices.verify(enrolled!.deviceKey)).toEqual({ ok: true, device: enrolled!.device });
    });

    it('lets only one of two simultaneous uses of a code succeed', async () => {
      const { enrolmentCode } = await devices.create('demo-facility', 'Tablet');
      const results = await Promise.all([
        devices.enrol(enrolmentCode),
        devices.enrol(enrolmentCode),
        devices.enrol(enrolmentCode),
      ]);
      expect(results.filter(Boolean)).toHaveLength(1);
    });

    it('refuses an unknown code and an unknown key', async () => {
      await devices.create('demo-facility', 'Tablet');
      expect(await devices.enrol('not-a-code')).toBeUndefined();
      expect(await devices.verify('hdk_not-a-key')).toEqual({ ok: false, reason: 'unknown' });
    });

    it('refuses a code after it expired', async () => {
      const { enrolmentCode } = await devices.create('demo-facility', 'Tablet');
      now = new Date('2026-12-05T10:00:00.001Z');
      expect(await devices.enrol(enrolmentCode)).toBeUndefined();
    });

    it('tells a revoked device it is revoked, and its unused code stops working', async () => {
      const first = await devices.create('demo-facility', 'Tablet 1');
      const { deviceKey } = (await devices.enrol(first.enrolmentCode))!;
      const second = await devices.create('demo-facility', 'Tablet 2');
      expect((await devices.revoke(first.device.id))?.status).toBe('revoked');
      expect((await devices.revoke(second.device.id))?.revokedAt).toBe(now.toISOString());
      expect(await devices.verify(deviceKey)).toEqual({ ok: false, reason: 'revoked' });
      expect(await devices.enrol(second.enrolmentCode)).toBeUndefined();
      expect(await devices.revoke('dev_unknown-device')).toBeUndefined();
    });

    it('lists devices oldest first, all or one facility’s', async () => {
      const a = await devices.create('home-a', 'A');
      now = new Date(now.getTime() + 1000);
      const b = await devices.create('home-b', 'B');
      now = new Date(now.getTime() + 1000);
      const c = await devices.create('home-a', 'C');
      expect((await devices.list()).map((d) => d.id)).toEqual([a.device.id, b.device.id, c.device.id]);
      expect((await devices.list('home-a')).map((d) => d.id)).toEqual([a.device.id, c.device.id]);
    });

    it('stores neither the enrolment code nor the device key, only their hashes', async () => {
      const used = await devices.create('demo-facility', 'Tablet');
      const { deviceKey } = (await devices.enrol(used.enrolmentCode))!;
      const pending = await devices.create('demo-facility', 'Tablet 2');
      const stored = await h.dump();
      expect(stored).toContain(used.device.id);
      for (const secret of [used.enrolmentCode, deviceKey, pending.enrolmentCode])
        expect(stored).not.toContain(secret);
    });
  });
}
