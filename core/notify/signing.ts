import { createHmac, timingSafeEqual } from 'node:crypto';

/** The `X-Heard-Signature` value of a webhook body: `sha256=` and the hex HMAC-SHA256 of the raw body bytes. */
export function signBody(key: Buffer, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', key).update(body).digest('hex')}`;
}

/** What a receiver does: recomputes the signature of the raw body and compares in constant time. */
export function verifySignature(key: Buffer, body: string | Buffer, header: string | undefined): boolean {
  if (!header) return false;
  const expected = Buffer.from(signBody(key, body));
  const given = Buffer.from(header);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
