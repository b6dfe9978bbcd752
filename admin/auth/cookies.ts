import { Request, Response } from 'express';

export const SESSION_COOKIE = 'heard_admin';
/** Double-submit token for the sign-in form, which has no session yet. */
export const PRESESSION_COOKIE = 'heard_admin_pre';

/** Reads one cookie from the request (express 5 has no cookie parser; we need only this). */
export function readCookie(req: Request, name: string): string | undefined {
  const header = req.headers.cookie;
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const eq = part.indexOf('=');
    if (eq > 0 && part.slice(0, eq).trim() === name) {
      const value = part.slice(eq + 1).trim();
      return /^[A-Za-z0-9_-]{1,128}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}

/** Sets an admin cookie: HttpOnly, SameSite=Strict, Path=/admin, Secure in production. */
export function setCookie(res: Response, name: string, value: string, opts: { secure: boolean; maxAgeSeconds: number }): void {
  const parts = [`${name}=${value}`, 'Path=/admin', 'HttpOnly', 'SameSite=Strict', `Max-Age=${opts.maxAgeSeconds}`];
  if (opts.secure) parts.push('Secure');
  res.append('Set-Cookie', parts.join('; '));
}

export function clearCookie(res: Response, name: string, secure: boolean): void {
  setCookie(res, name, '', { secure, maxAgeSeconds: 0 });
}
