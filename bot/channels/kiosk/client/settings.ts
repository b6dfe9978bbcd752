/** How long the page waits without a touch before it warns, and before it wipes the screen (milliseconds). */
export interface IdleSettings {
  warnMs: number;
  idleMs: number;
}

export const DEFAULT_IDLE: IdleSettings = { warnMs: 90_000, idleMs: 120_000 };

/**
 * Reads `?idle=<s>&warn=<s>` from the page URL (tests use a few seconds); anything missing or out of range keeps
 * the defaults of 120 s and 90 s.
 */
export function idleSettings(search: string): IdleSettings {
  const params = new URLSearchParams(search);
  const idle = Number(params.get('idle'));
  const warn = Number(params.get('warn'));
  if (!Number.isFinite(idle) || !Number.isFinite(warn) || warn < 1 || idle <= warn || idle > 3600)
    return DEFAULT_IDLE;
  return { warnMs: warn * 1000, idleMs: idle * 1000 };
}
