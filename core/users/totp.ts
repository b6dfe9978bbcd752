import { createGuardrails, generateSecret } from '@otplib/core';
import { generateSync, verifySync } from '@otplib/totp';
import { generateTOTP } from '@otplib/uri';
import { base32, nodeCrypto } from './otpPlugins';

// RFC 4226 asks for 16-byte secrets (otplib's default guardrail); ADMIN_BOOTSTRAP_TOTP_SECRET may be the 16
// base32 characters (10 bytes) many authenticators generate, so shorter secrets are accepted down to that.
const guardrails = createGuardrails({ MIN_SECRET_BYTES: 10 });
// One step either side: phones drift, and a code typed at the end of its 30 s must still count.
const TOLERANCE_SECONDS = 30;
const PERIOD_SECONDS = 30;
const plugins = { crypto: nodeCrypto, base32, guardrails };

/** A new random TOTP secret (20 bytes, base32). */
export function newTotpSecret(): string {
  return generateSecret({ crypto: nodeCrypto, base32, length: 20 });
}

/** The otpauth:// URL an authenticator app scans (shown as a QR code at enrolment). */
export function totpUrl(issuer: string, email: string, secret: string): string {
  return generateTOTP({ issuer, label: email, secret });
}

/** The code for a secret at a time (tests, and anyone checking a printed demo secret). */
export function currentTotp(secret: string, at: Date = new Date()): string {
  return generateSync({ ...plugins, secret, epoch: Math.floor(at.getTime() / 1000) });
}

/**
 * Checks a code; `afterStep` is the time step accepted last, so a code that was already used (or an older one)
 * is refused. Returns the step to remember on success.
 */
export function checkTotp(secret: string, code: string, afterStep?: number, at: Date = new Date()): { valid: boolean; step?: number } {
  if (!/^\d{6}$/.test(code)) return { valid: false };
  const epoch = Math.floor(at.getTime() / 1000);
  const result = verifySync({ ...plugins, secret, token: code, epoch, epochTolerance: TOLERANCE_SECONDS, afterTimeStep: afterStep });
  return result.valid ? { valid: true, step: Math.floor(epoch / PERIOD_SECONDS) + result.delta } : { valid: false };
}
