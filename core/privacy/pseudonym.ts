import { SecretKeys } from './secretKeys';

/**
 * The only identity heard keeps of a child: HMAC(HEARD_SECRET, channelId:userId). The raw channel user id is
 * never stored or logged; the same child on the same channel gets the same pseudonym.
 */
export function pseudonymFor(keys: SecretKeys, channelId: string, userId: string): string {
  return `p_${keys.hash('pseudonym', `${channelId}:${userId}`).slice(0, 32)}`;
}
