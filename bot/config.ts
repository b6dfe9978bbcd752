import { z } from 'zod';

const optionalUrl = z.url().optional();
const emptyToUndefined = (v: unknown) => (v === '' ? undefined : v);
const str = z.preprocess(emptyToUndefined, z.string().min(1).optional());

/** Every environment variable the service reads; `.env.example` documents each. */
export const configSchema = z
  .object({
    NODE_ENV: z.enum(['development', 'test', 'production']).default('development'),
    PORT: z.coerce.number().int().min(0).max(65535).default(3978),
    ROLE: z.enum(['all', 'bot', 'admin', 'worker']).default('all'),
    PUBLIC_URL: z.preprocess(emptyToUndefined, optionalUrl),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    REDIS_URL: z.preprocess(
      emptyToUndefined,
      z
        .string()
        .regex(/^(rediss?|redis\+sentinel|redis\+cluster):\/\//, 'must start with redis://, rediss://, redis+sentinel:// or redis+cluster://')
        .optional(),
    ),
    REDIS_KEY_PREFIX: z.string().regex(/^[a-z0-9:_-]+$/i).default('heard:'),
    MicrosoftAppId: str,
    MicrosoftAppPassword: str,
    MicrosoftAppType: z.preprocess(emptyToUndefined, z.enum(['MultiTenant', 'SingleTenant', 'UserAssignedMSI']).default('MultiTenant')),
    MicrosoftAppTenantId: str,
    HEARD_SECRET: z.preprocess(emptyToUndefined, z.string().min(32, 'must be at least 32 characters').optional()),
    OPENAI_API_KEY: str,
    OPENAI_BASE_URL: z.preprocess(emptyToUndefined, optionalUrl),
    OPENAI_MODEL: z.string().min(1).default('gpt-4o-mini'),
    ADMIN_BOOTSTRAP_EMAIL: z.preprocess(emptyToUndefined, z.email().optional()),
    ADMIN_BOOTSTRAP_PASSWORD: z.preprocess(emptyToUndefined, z.string().min(12, 'must be at least 12 characters').optional()),
    ADMIN_BOOTSTRAP_TOTP_SECRET: z.preprocess(emptyToUndefined, z.string().regex(/^[A-Z2-7]{16,}=*$/, 'must be base32').optional()),
    NOTIFY_WEBHOOK_URL: z.preprocess(emptyToUndefined, optionalUrl),
    NOTIFY_EMAIL_TO: z.preprocess(emptyToUndefined, z.email().optional()),
    SMTP_URL: z.preprocess(emptyToUndefined, z.string().regex(/^smtps?:\/\//, 'must start with smtp:// or smtps://').optional()),
    VIEWS_MIN_GROUP: z.coerce.number().int().min(2).default(5),
    REPORT_RETENTION_DAYS: z.coerce.number().int().min(1).default(365),
    CONVERSATION_TTL_DAYS: z.coerce.number().int().min(1).default(30),
    SPOOL_DIR: z.string().min(1).default('var/spool'),
  })
  .superRefine((c, ctx) => {
    if (c.SMTP_URL && !c.NOTIFY_EMAIL_TO) {
      ctx.addIssue({ code: 'custom', path: ['NOTIFY_EMAIL_TO'], message: 'is required when SMTP_URL is set (where alerts go)' });
    }
    if (c.MicrosoftAppType === 'SingleTenant' && !c.MicrosoftAppTenantId) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppTenantId'], message: 'is required when MicrosoftAppType=SingleTenant' });
    }
    if (c.MicrosoftAppType === 'UserAssignedMSI' && c.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'must be empty with a managed identity (UserAssignedMSI)' });
    }
    if (c.MicrosoftAppType !== 'UserAssignedMSI' && c.MicrosoftAppId && !c.MicrosoftAppPassword) {
      ctx.addIssue({ code: 'custom', path: ['MicrosoftAppPassword'], message: 'is required with MicrosoftAppId (or set MicrosoftAppType=UserAssignedMSI)' });
    }
    if (c.NODE_ENV !== 'production') return;
    // Auth off, unkeyed pseudonyms or data in memory are fine on a laptop and wrong anywhere else.
    for (const name of ['MicrosoftAppId', 'HEARD_SECRET', 'REDIS_URL'] as const) {
      if (!c[name]) ctx.addIssue({ code: 'custom', path: [name], message: 'is required when NODE_ENV=production' });
    }
  });

export type Config = z.infer<typeof configSchema>;

export class ConfigError extends Error {
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** Parses the environment; throws a ConfigError naming every bad variable. */
export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const parsed = configSchema.safeParse(env);
  if (parsed.success) return parsed.data;
  const lines = parsed.error.issues.map((i) => `  ${i.path.join('.') || '(environment)'}: ${i.message}`);
  throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
}
