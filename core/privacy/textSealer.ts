import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';
import { SealedText } from '../cases/types';
import { SecretKeys } from './secretKeys';

/**
 * Encrypts what children write (AES-256-GCM) under a key derived from HEARD_SECRET. Each sealed text names its key
 * version, so a new version can be introduced while old texts stay readable.
 */
export class TextSealer {
  constructor(
    private readonly keys: SecretKeys,
    private readonly currentVersion = 1,
  ) {}

  /** Encrypts `plain`; `context` (e.g. a report id) is bound as associated data, so a text cannot be moved. */
  seal(plain: string | Buffer, context = ''): SealedText {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.keys.key('encryption', this.currentVersion), iv);
    cipher.setAAD(Buffer.from(context));
    const data = Buffer.concat([typeof plain === 'string' ? cipher.update(plain, 'utf8') : cipher.update(plain), cipher.final()]);
    return {
      keyId: `v${this.currentVersion}`,
      iv: iv.toString('base64'),
      tag: cipher.getAuthTag().toString('base64'),
      data: data.toString('base64'),
    };
  }

  /** Decrypts a sealed text; throws if it was altered or sealed for another context. */
  open(sealed: SealedText, context = ''): string {
    return this.openBytes(sealed, context).toString('utf8');
  }

  /** Decrypts what was sealed from bytes (or a text, as its UTF-8); throws like `open`. */
  openBytes(sealed: SealedText, context = ''): Buffer {
    const version = Number(sealed.keyId.replace(/^v/, ''));
    const decipher = createDecipheriv('aes-256-gcm', this.keys.key('encryption', version), Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(Buffer.from(context));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.data, 'base64')), decipher.final()]);
  }
}
