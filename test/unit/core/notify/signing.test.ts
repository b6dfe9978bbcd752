import { createHmac } from 'node:crypto';
import { signBody, verifySignature } from '../../../../core/notify/signing';
import { SecretKeys } from '../../../../core/privacy/secretKeys';

const key = new SecretKeys('unit-secret-0123456789abcdef0123456789').key('webhook');
const body = JSON.stringify({ id: 'e1', redactedText: 'มีคนตีฉัน' });

describe('webhook signing', () => {
  it('signs the raw body as sha256=<hex HMAC> with the webhook key', () => {
    expect(signBody(key, body)).toBe(`sha256=${createHmac('sha256', key).update(body).digest('hex')}`);
    expect(signBody(key, body)).toMatch(/^sha256=[0-9a-f]{64}$/);
  });

  it('signs the same bytes whether given a string or a buffer', () => {
    expect(signBody(key, Buffer.from(body, 'utf8'))).toBe(signBody(key, body));
  });

  it('verifies its own signature and rejects a changed body, another key, or no header', () => {
    const sig = signBody(key, body);
    expect(verifySignature(key, body, sig)).toBe(true);
    expect(verifySignature(key, body.replace('e1', 'e2'), sig)).toBe(false);
    expect(
      verifySignature(new SecretKeys('another-secret-0123456789abcdef012345').key('webhook'), body, sig),
    ).toBe(false);
    expect(verifySignature(key, body, undefined)).toBe(false);
    expect(verifySignature(key, body, 'sha256=00')).toBe(false);
  });

  it('uses a key of its own, unlike the pseudonym key', () => {
    const keys = new SecretKeys('unit-secret-0123456789abcdef0123456789');
    expect(keys.key('webhook').equals(keys.key('pseudonym'))).toBe(false);
  });
});
