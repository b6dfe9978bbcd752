import { base32Decode, base32Encode } from '../../../../core/users/otpPlugins';
import { checkTotp, currentTotp, newTotpSecret, totpUrl } from '../../../../core/users/totp';

describe('TOTP', () => {
  it('matches the RFC 6238 SHA-1 test vectors', () => {
    // RFC 6238 appendix B: secret "12345678901234567890", 8 digits; the last 6 digits are the 6-digit code.
    const secret = base32Encode(Buffer.from('12345678901234567890'));
    expect(currentTotp(secret, new Date(59_000))).toBe('287082');
    expect(currentTotp(secret, new Date(1_111_111_109_000))).toBe('081804');
    expect(currentTotp(secret, new Date(2_000_000_000_000))).toBe('279037');
  });

  it('round-trips base32 and ignores case, spaces and padding', () => {
    const bytes = Uint8Array.from([0, 1, 2, 250, 251, 255, 17]);
    const text = base32Encode(bytes);
    expect(base32Decode(text.toLowerCase().replace(/(.{4})/g, '$1 ') + '=')).toEqual(bytes);
    expect(() => base32Decode('ABC1')).toThrow();
  });

  it('accepts the current code and the neighbouring steps, once each', () => {
    const secret = newTotpSecret();
    const at = new Date('2026-11-02T10:00:10Z');
    const now = checkTotp(secret, currentTotp(secret, at), undefined, at);
    expect(now.valid).toBe(true);
    expect(checkTotp(secret, currentTotp(secret, at), now.step, at).valid).toBe(false);
    expect(checkTotp(secret, currentTotp(secret, new Date(at.getTime() + 30_000)), now.step, at).valid).toBe(true);
    expect(checkTotp(secret, currentTotp(secret, new Date(at.getTime() - 30_000)), undefined, at).valid).toBe(true);
    expect(checkTotp(secret, currentTotp(secret, new Date(at.getTime() - 90_000)), undefined, at).valid).toBe(false);
    expect(checkTotp(secret, 'abcdef', undefined, at).valid).toBe(false);
  });

  it('accepts a 16-character bootstrap secret and builds an otpauth URL', () => {
    const secret = 'JBSWY3DPEHPK3PXP';
    expect(checkTotp(secret, currentTotp(secret)).valid).toBe(true);
    const url = new URL(totpUrl('heard admin', 'ana@monitor.example', secret));
    expect(url.protocol).toBe('otpauth:');
    expect(url.searchParams.get('secret')).toBe(secret);
    expect(url.searchParams.get('issuer')).toBe('heard admin');
  });
});
