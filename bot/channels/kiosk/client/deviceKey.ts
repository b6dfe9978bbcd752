/** The only thing this page keeps in the browser. */
const KEY = 'heard.deviceKey';

export const readDeviceKey = (): string | null => localStorage.getItem(KEY);
export const forgetDeviceKey = (): void => localStorage.removeItem(KEY);

/** `#enrol=CODE`: a code in the fragment never reaches a server log or a Referer. */
export function takeEnrolmentCode(): string | undefined {
  const match = /^#enrol=([A-Za-z0-9_-]{16,128})$/.exec(location.hash);
  if (location.hash) history.replaceState(null, '', location.pathname + location.search);
  return match?.[1];
}

/** Exchanges a one-time enrolment code for this tablet's device key and keeps it. */
export async function enrol(code: string): Promise<boolean> {
  const res = await fetch('/kiosk/api/enrol', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ code }),
    cache: 'no-store',
    credentials: 'omit',
  });
  if (!res.ok) return false;
  const { deviceKey } = (await res.json()) as { deviceKey?: unknown };
  if (typeof deviceKey !== 'string') return false;
  localStorage.setItem(KEY, deviceKey);
  return true;
}
