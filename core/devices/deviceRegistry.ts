import { randomBytes } from 'node:crypto';
import { Device, DeviceCheck, deviceSchema, DeviceStore } from './types';

export const ENROLMENT_DAYS = 7;

export interface DeviceRegistryOptions {
  /** Keyed hash of a code or key (HMAC under a key of its own); only hashes are stored. */
  hash(secret: string): string;
  now?: () => Date;
  enrolmentMs?: number;
}

/**
 * Kiosk devices: created for a facility with a one-time enrolment code; the tablet exchanges the code for a device
 * key, which it keeps and shows on every token request; a device can be revoked.
 */
export class DeviceRegistry {
  private readonly now: () => Date;
  private readonly enrolmentMs: number;

  constructor(
    private readonly store: DeviceStore,
    private readonly options: DeviceRegistryOptions,
  ) {
    this.now = options.now ?? (() => new Date());
    this.enrolmentMs = options.enrolmentMs ?? ENROLMENT_DAYS * 86_400_000;
  }

  /** Creates a pending device; the code is returned once and is never readable again. */
  async create(facilityId: string, label: string): Promise<{ device: Device; enrolmentCode: string }> {
    const now = this.now();
    const device = deviceSchema.parse({
      id: `dev_${randomBytes(12).toString('base64url')}`,
      facilityId,
      label,
      status: 'pending',
      createdAt: now.toISOString(),
      enrolmentExpiresAt: new Date(now.getTime() + this.enrolmentMs).toISOString(),
    });
    const enrolmentCode = randomBytes(18).toString('base64url');
    await this.store.insert(device, this.options.hash(`code:${enrolmentCode}`));
    return { device, enrolmentCode };
  }

  /** Exchanges an enrolment code for a device key; undefined if the code is unknown, used, expired or revoked. */
  async enrol(code: string): Promise<{ device: Device; deviceKey: string } | undefined> {
    const deviceKey = `hdk_${randomBytes(32).toString('base64url')}`;
    const device = await this.store.redeem(
      this.options.hash(`code:${code}`),
      this.options.hash(`key:${deviceKey}`),
      this.now(),
    );
    return device ? { device, deviceKey } : undefined;
  }

  /** Checks a device key: the active device, or why not. */
  async verify(deviceKey: string): Promise<DeviceCheck> {
    const device = await this.store.byKeyHash(this.options.hash(`key:${deviceKey}`));
    if (!device) return { ok: false, reason: 'unknown' };
    return device.status === 'active' ? { ok: true, device } : { ok: false, reason: 'revoked' };
  }

  get(id: string): Promise<Device | undefined> {
    return this.store.get(id);
  }

  revoke(id: string): Promise<Device | undefined> {
    return this.store.revoke(id, this.now());
  }

  list(facilityId?: string): Promise<Device[]> {
    return this.store.list(facilityId);
  }
}
