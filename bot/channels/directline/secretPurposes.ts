import { SecretKeys } from '../../../core/privacy/secretKeys';

/** The keyed hash under which kiosk enrolment codes and device keys are stored. */
export const deviceHasher = (keys: SecretKeys) => (secret: string) => keys.hash('device', secret);

/** The key that signs Direct Line tokens and derives each conversation's user id. */
export const directLineKey = (keys: SecretKeys) => keys.key('directline');
