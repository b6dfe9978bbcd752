import pino, { Logger } from 'pino';

export type { Logger };

/**
 * JSON logs. What children write is never logged on purpose; these paths are redacted in case a log call ever
 * passes an activity or a body by mistake.
 */
export function createLogger(level: string): Logger {
  return pino({
    level,
    redact: {
      paths: ['text', '*.text', '*.*.text', 'body', '*.body', 'from', '*.from', 'recipient', '*.recipient', 'password', '*.password', 'totp', 'email'],
      censor: '[redacted]',
    },
  });
}
