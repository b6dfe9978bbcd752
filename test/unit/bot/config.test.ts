import { ConfigError, loadConfig } from '../../../bot/config';

describe('loadConfig', () => {
  it('gives working defaults for a laptop', () => {
    const c = loadConfig({});
    expect(c.PORT).toBe(3978);
    expect(c.ROLE).toBe('all');
    expect(c.REDIS_URL).toBeUndefined();
    expect(c.VIEWS_MIN_GROUP).toBe(5);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ REDIS_URL: 'http://localhost' }, 'REDIS_URL'],
    [{ HEARD_SECRET: 'short' }, 'HEARD_SECRET'],
    [{ OPENAI_BASE_URL: 'not a url' }, 'OPENAI_BASE_URL'],
    [{ ROLE: 'everything' }, 'ROLE'],
    [{ ADMIN_BOOTSTRAP_TOTP_SECRET: 'not base32!' }, 'ADMIN_BOOTSTRAP_TOTP_SECRET'],
    [{ SMTP_URL: 'smtp://127.0.0.1:25' }, 'NOTIFY_EMAIL_TO'],
    [{ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'SingleTenant' }, 'MicrosoftAppTenantId'],
    [{ MicrosoftAppId: 'a', MicrosoftAppPassword: 'p', MicrosoftAppType: 'UserAssignedMSI' }, 'MicrosoftAppPassword'],
    [{ MicrosoftAppId: 'a' }, 'MicrosoftAppPassword'],
  ])('stops with a message naming the bad variable: %j', (env, name) => {
    expect(() => loadConfig(env)).toThrow(ConfigError);
    expect(() => loadConfig(env)).toThrow(new RegExp(`${name}:`));
  });

  it('refuses production without app id, secret and Redis, naming each', () => {
    let message = '';
    try {
      loadConfig({ NODE_ENV: 'production' });
    } catch (err) {
      message = (err as Error).message;
    }
    expect(message).toMatch(/MicrosoftAppId: is required when NODE_ENV=production/);
    expect(message).toMatch(/HEARD_SECRET: is required/);
    expect(message).toMatch(/REDIS_URL: is required/);
  });

  it('accepts a complete production environment', () => {
    const c = loadConfig({
      NODE_ENV: 'production',
      MicrosoftAppId: '00000000-0000-0000-0000-000000000000',
      MicrosoftAppPassword: 'x',
      HEARD_SECRET: 'a'.repeat(48),
      REDIS_URL: 'redis+sentinel://s1:26379,s2:26379/heard',
    });
    expect(c.NODE_ENV).toBe('production');
  });
});
