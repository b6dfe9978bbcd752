import { z } from 'zod';

export const DEVICE_STATUSES = ['pending', 'active', 'revoked'] as const;

/** A kiosk tablet of one facility. Its enrolment code and device key are never stored, only their keyed hashes. */
export const deviceSchema = z.object({
  id: z.string().regex(/^dev_[A-Za-z0-9_-]{8,64}$/),
  facilityId: z.string().min(1).max(64),
  label: z.string().trim().min(1).max(80),
  status: z.enum(DEVICE_STATUSES),
  createdAt: z.iso.datetime(),
  /** Until when the one-time enrolment code works; set while pending. */
  enrolmentExpiresAt: z.iso.datetime().optional(),
  enrolledAt: z.iso.datetime().optional(),
  revokedAt: z.iso.datetime().optional(),
});
export type Device = z.infer<typeof deviceSchema>;

/** What a device key check finds: an ordinary outcome, so a typed result rather than an error. */
export type DeviceCheck = { ok: true; device: Device } | { ok: false; reason: 'unknown' | 'revoked' };

/**
 * The devices port (storage). Adapters keep the enrolment-code and device-key hashes beside the device and must make
 * `redeem` atomic: of two concurrent uses of one code, exactly one succeeds.
 */
export interface DeviceStore {
  insert(device: Device, codeHash: string): Promise<void>;
  /**
   * Consumes a pending device's code if it has not expired at `at`, activating the device under `keyHash`.
   * Undefined when the code is unknown, used, expired or its device revoked.
   */
  redeem(codeHash: string, keyHash: string, at: Date): Promise<Device | undefined>;
  byKeyHash(keyHash: string): Promise<Device | undefined>;
  get(id: string): Promise<Device | undefined>;
  /** Marks the device revoked (its code stops working, its key is refused); undefined if there is no such device. */
  revoke(id: string, at: Date): Promise<Device | undefined>;
  /** Devices, oldest first; only one facility's when given. */
  list(facilityId?: string): Promise<Device[]>;
}

export const byCreation = (a: Device, b: Device) =>
  a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id);
