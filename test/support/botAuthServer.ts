import { generateKeyPairSync, KeyObject } from 'node:crypto';
import http from 'node:http';
import { AddressInfo } from 'node:net';
import jwt from 'jsonwebtoken';

export const CHANNEL_ISSUER = 'https://api.botframework.com';

/**
 * A stand-in for login.botframework.com on loopback: OpenID metadata and a JWKS whose key is endorsed for the
 * given channels, and a signer for tokens as Azure Bot Service would send them.
 */
export async function startBotAuthServer(endorsements: string[]) {
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });
  const jwk = publicKey.export({ format: 'jwk' });
  const kid = 'test-key-1';
  const server = http.createServer((req, res) => {
    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    res.setHeader('content-type', 'application/json');
    if (req.url === '/v1/.well-known/openidconfiguration') {
      res.end(JSON.stringify({ issuer: CHANNEL_ISSUER, jwks_uri: `${base}/v1/keys`, id_token_signing_alg_values_supported: ['RS256'] }));
    } else if (req.url === '/v1/keys') {
      res.end(JSON.stringify({ keys: [{ kty: 'RSA', use: 'sig', kid, n: jwk.n, e: jwk.e, endorsements }] }));
    } else {
      res.statusCode = 404;
      res.end('{}');
    }
  });
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    metadataUrl: `${base}/v1/.well-known/openidconfiguration`,
    /** A channel token; override claims or sign with another key to forge one. */
    sign(claims: Record<string, unknown>, opts: { key?: KeyObject; expiresIn?: number } = {}) {
      return jwt.sign({ iss: CHANNEL_ISSUER, ...claims }, (opts.key ?? privateKey).export({ format: 'pem', type: 'pkcs8' }), {
        algorithm: 'RS256',
        keyid: kid,
        expiresIn: opts.expiresIn ?? 600,
      });
    },
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
