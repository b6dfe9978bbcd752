import { DeviceRegistry } from '../../../core/devices/deviceRegistry';
import { MemoryDeviceStore } from '../../../core/devices/memory/memoryDeviceStore';
import { RedisDeviceStore } from '../../../core/devices/redis/redisDeviceStore';
import { Device } from '../../../core/devices/types';
import { SecretKeys } from '../../../core/privacy/secretKeys';
import type { RedisClient } from '../../../core/store/redis/redisConnection';
import type { DeviceAdmin, DeviceRow } from '../../../admin/devices';
import { deviceHasher } from '../directline/secretPurposes';

/** The kiosk devices on Redis when there is one, else in memory. */
export function openDeviceRegistry(
  redis: RedisClient | undefined,
  prefix: string,
  keys: SecretKeys,
): DeviceRegistry {
  return new DeviceRegistry(redis ? new RedisDeviceStore(redis, prefix) : new MemoryDeviceStore(), {
    hash: deviceHasher(keys),
  });
}

/** Where a tablet opens to enrol: the code is in the fragment, so it is never sent to a server or in a Referer. */
export function enrolmentPath(code: string): string {
  return `/kiosk/#enrol=${encodeURIComponent(code)}`;
}

/** The embedded default's demo tablet: a fresh code on every start, so the printed kiosk URL works on first open. */
export async function demoKioskDevice(devices: DeviceRegistry, facilityId: string): Promise<string> {
  const { enrolmentCode } = await devices.create(facilityId, 'Demo tablet');
  return enrolmentPath(enrolmentCode);
}

/** The registry as the admin app uses it (admin/devices.ts). */
export function kioskDeviceAdmin(devices: DeviceRegistry, publicUrl = ''): DeviceAdmin {
  const row = ({ id, facilityId, label, status, createdAt }: Device): DeviceRow => ({
    id,
    facilityId,
    label,
    status,
    createdAt,
  });
  return {
    list: async () => (await devices.list()).map(row),
    create: async ({ facilityId, label }) => {
      const { device, enrolmentCode } = await devices.create(facilityId, label);
      return {
        device: row(device),
        enrolmentUrl: `${publicUrl.replace(/\/+$/, '')}${enrolmentPath(enrolmentCode)}`,
      };
    },
    revoke: async (id) => {
      await devices.revoke(id);
    },
  };
}
