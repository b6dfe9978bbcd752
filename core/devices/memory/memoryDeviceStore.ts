import { byCreation, Device, deviceSchema, DeviceStore } from '../types';

interface Entry {
  device: string;
  codeHash?: string;
  keyHash?: string;
}

/** In-memory kiosk devices (embedded default, tests). Each method runs without an await, so redeem is atomic. */
export class MemoryDeviceStore implements DeviceStore {
  private readonly entries = new Map<string, Entry>();

  async insert(device: Device, codeHash: string): Promise<void> {
    const parsed = deviceSchema.parse(device);
    this.entries.set(parsed.id, { device: JSON.stringify(parsed), codeHash });
  }

  async redeem(codeHash: string, keyHash: string, at: Date): Promise<Device | undefined> {
    const entry = [...this.entries.values()].find((e) => e.codeHash === codeHash);
    if (!entry) return undefined;
    entry.codeHash = undefined;
    const device = read(entry);
    if (
      device.status !== 'pending' ||
      !device.enrolmentExpiresAt ||
      device.enrolmentExpiresAt <= at.toISOString()
    )
      return undefined;
    const active: Device = {
      ...device,
      status: 'active',
      enrolledAt: at.toISOString(),
      enrolmentExpiresAt: undefined,
    };
    entry.device = JSON.stringify(deviceSchema.parse(active));
    entry.keyHash = keyHash;
    return read(entry);
  }

  async byKeyHash(keyHash: string): Promise<Device | undefined> {
    const entry = [...this.entries.values()].find((e) => e.keyHash === keyHash);
    return entry && read(entry);
  }

  async get(id: string): Promise<Device | undefined> {
    const entry = this.entries.get(id);
    return entry && read(entry);
  }

  async revoke(id: string, at: Date): Promise<Device | undefined> {
    const entry = this.entries.get(id);
    if (!entry) return undefined;
    const device = read(entry);
    if (device.status !== 'revoked') {
      entry.device = JSON.stringify({
        ...device,
        status: 'revoked',
        revokedAt: at.toISOString(),
        enrolmentExpiresAt: undefined,
      });
    }
    entry.codeHash = undefined;
    return read(entry);
  }

  async list(facilityId?: string): Promise<Device[]> {
    return [...this.entries.values()]
      .map(read)
      .filter((d) => !facilityId || d.facilityId === facilityId)
      .sort(byCreation);
  }
}

const read = (entry: Entry): Device => deviceSchema.parse(JSON.parse(entry.device));
