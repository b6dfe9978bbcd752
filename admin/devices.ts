/**
 * What the admin app needs from kiosk devices (core/devices is another engineer's port; the composition root adapts
 * it to this). Absent, the devices pages say so instead of offering actions that cannot work.
 */
export interface DeviceRow {
  id: string;
  facilityId: string;
  label: string;
  status: 'pending' | 'active' | 'revoked';
  createdAt: string;
}

export interface DeviceAdmin {
  list(): Promise<DeviceRow[]>;
  /** Creates a device and returns the one-time enrolment link to open on the tablet. */
  create(input: { facilityId: string; label: string; actor: string }): Promise<{ device: DeviceRow; enrolmentUrl: string }>;
  revoke(id: string, actor: string): Promise<void>;
}
