import { createHmac, hkdfSync } from 'node:crypto';

/** What each derived key is for; a key is never used for two purposes. */
export type KeyPurpose = 'pseudonym' | 'state-key' | 'receipt' | 'encryption' | 'webhook' | 'views' | 'device' | 'directline';

/**
 * Subkeys derived from the one root secret (HEARD_SECRET) with HKDF-SHA256, so leaking one subkey does not expose
 * the others and rotation can add a new `version` beside the old.
 */
export class SecretKeys {
  private readonly cache = new Map<string, Buffer>();

  constructor(private readonly rootSecret: string) {}

  /** Returns the 32-byte key for a purpose and version. */
  key(purpose: KeyPurpose, version = 1): Buffer {
    const id = `${purpose}:v${version}`;
    let key = this.cache.get(id);
    if (!key) {
      key = Buffer.from(hkdfSync('sha256', this.rootSecret, 'heard', id, 32));
      this.cache.set(id, key);
    }
    return key;
  }

  /** Keyed hash (HMAC-SHA256, base64url) of a value for a purpose. */
  hash(purpose: KeyPurpose, value: string): string {
    return createHmac('sha256', this.key(purpose)).update(value).digest('base64url');
  }
}
