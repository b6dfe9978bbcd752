import { currentTotp } from '../core/users/totp';

/** `npm run totp -- <base32 secret>`: the sign-in code valid now, for the demo admin on a machine without an app. */
const secret = process.argv[2];
if (!secret || !/^[A-Z2-7]+=*$/i.test(secret)) {
  console.error('usage: npm run totp -- <base32 TOTP secret>');
  process.exit(2);
}
console.log(currentTotp(secret.toUpperCase()));
