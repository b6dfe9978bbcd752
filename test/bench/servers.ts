import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { freePort, startRedisServer } from '../support/redisServer';
import { AdminLogin } from './admin';
import { Cleanup, Pinning, pin, Server, startServer } from './processes';
import { RedisProbe } from './redisStats';
import { base32Encode } from '../../core/users/otpPlugins';

/** The repository root, from dist/test/bench or test/bench alike. */
export const ROOT = path.resolve(
  __dirname,
  __dirname.includes(`${path.sep}dist${path.sep}`) ? '../../..' : '../..',
);

export interface BenchRedis {
  url: string;
  pid: number;
  probe: RedisProbe;
  pinned: boolean;
}

/** A throwaway redis-server with AOF and appendfsync always (as in production), on the load's core. */
export async function startRedis(cleanup: Cleanup, pinning: Pinning): Promise<BenchRedis> {
  const redis = await startRedisServer({ dir: cleanup.tempDir('redis') });
  cleanup.onStop(redis.stop);
  const probe = new RedisProbe(redis.url);
  cleanup.onStop(async () => void (await probe.close()));
  const pid = await probe.pid();
  cleanup.watchPid(pid);
  return { url: redis.url, pid, probe, pinned: pin(pid, pinning.load) };
}

export interface Servers {
  heard: Server;
  echo: Server;
  express: Server;
  login: AdminLogin;
}

/**
 * Starts heard (node dist/bot/main.js, as deployed) and the two floor servers, each a child process on the
 * servers' core. heard gets Redis, a secret, a spool dir and a bootstrap admin the bench signs in as. Resolves once
 * the three processes exist, with `ready` for when they answer: the caller may then block its own event loop (the
 * rules compile synchronously) without holding back their start.
 */
export async function startServers(
  cleanup: Cleanup,
  pinning: Pinning,
  redisUrl: string,
  profileDir?: string,
): Promise<{ ready: Promise<Servers> }> {
  const login: AdminLogin = {
    email: 'bench-admin@monitor.example',
    password: `bench ${randomBytes(12).toString('hex')}`,
    totpSecret: base32Encode(randomBytes(20)),
  };
  const [heardPort, echoPort, expressPort] = [await freePort(), await freePort(), await freePort()];
  const start = (name: string, port: number, script: string, env: Record<string, string>, nodeArgs: string[] = []) =>
    startServer(cleanup, {
      name,
      script,
      nodeArgs,
      env,
      port,
      core: pinning.server,
      readyPath: name === 'heard' ? '/readyz' : '/healthz',
      cwd: ROOT,
    });
  const profile = profileDir ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(profileDir)}`] : [];
  const ready = Promise.all([
    start(
      'heard',
      heardPort,
      path.join(ROOT, 'dist/bot/main.js'),
      {
        NODE_ENV: 'development',
        REDIS_URL: redisUrl,
        HEARD_SECRET: randomBytes(32).toString('base64url'),
        LOG_LEVEL: 'warn',
        SPOOL_DIR: cleanup.tempDir('spool'),
        ADMIN_BOOTSTRAP_EMAIL: login.email,
        ADMIN_BOOTSTRAP_PASSWORD: login.password,
        ADMIN_BOOTSTRAP_TOTP_SECRET: login.totpSecret,
      },
      profile,
    ),
    start('echo', echoPort, path.join(__dirname, 'floors/echoServer.js'), {}),
    start('express', expressPort, path.join(__dirname, 'floors/expressServer.js'), {}),
  ]).then(([heard, echo, express]) => ({ heard, echo, express, login }));
  return { ready };
}
