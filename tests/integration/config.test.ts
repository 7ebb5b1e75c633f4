import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/src/config.js';

describe('configuration is validated once at start', () => {
  it('has working defaults', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', durability: 'normal', presenceTickMs: 50 });
    expect(c.dataDir.endsWith('/data')).toBe(true);
    expect(c.tls).toEqual({ kind: 'off' });
    // Issue 10: limits for what anyone may ask (docs/security.md, "No anonymous request may stall the server").
    expect(c).toMatchObject({
      maxRestoreBytes: 16 * 1024 * 1024, restoreTimeoutMs: 5_000, createKey: undefined, minFreeDiskBytes: 256 * 1024 * 1024,
      rateLimits: { creates: 30, restores: 10, joins: 120, formPosts: 120, codeFailures: 10 },
    });
  });

  it('turns TLS on with both files, or with TLS=self-signed (kept under DATA_DIR/tls)', () => {
    expect(readConfig({ TLS_CERT_FILE: '/etc/tabella/cert.pem', TLS_KEY_FILE: '/etc/tabella/key.pem' }).tls)
      .toEqual({ kind: 'files', certFile: '/etc/tabella/cert.pem', keyFile: '/etc/tabella/key.pem' });
    expect(readConfig({ TLS: 'self-signed', DATA_DIR: '/srv/tabella' }).tls).toEqual({ kind: 'self-signed', dir: '/srv/tabella/tls' });
    expect(readConfig({ TLS: 'off' }).tls).toEqual({ kind: 'off' });
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ DURABILITY: 'maybe' }, 'DURABILITY'],
    [{ MAX_MESSAGE_BYTES: '10' }, 'MAX_MESSAGE_BYTES'],
    [{ TLS_CERT_FILE: 'cert.pem' }, 'TLS_KEY_FILE: missing'],
    [{ TLS_KEY_FILE: 'key.pem' }, 'TLS_CERT_FILE: missing'],
    [{ TLS: 'self-signed', TLS_CERT_FILE: 'cert.pem', TLS_KEY_FILE: 'key.pem' }, 'TLS: self-signed makes its own certificate'],
    [{ TLS: 'on' }, 'TLS'],
    [{ REQUEST_TIMEOUT_MS: '5' }, 'REQUEST_TIMEOUT_MS'],
    [{ DRAIN_TIMEOUT_MS: '0' }, 'DRAIN_TIMEOUT_MS'],
    [{ TRUSTED_PROXIES: '10.0.0.300' }, 'TRUSTED_PROXIES'],
    [{ CREATE_KEY: 'short' }, 'CREATE_KEY: must be at least 8 characters'],
    [{ MIN_FREE_DISK_MB: '-1' }, 'MIN_FREE_DISK_MB'],
    [{ RESTORE_TIMEOUT_MS: '10' }, 'RESTORE_TIMEOUT_MS'],
    [{ JOINS_PER_MINUTE: '0' }, 'JOINS_PER_MINUTE'],
    [{ DATABASE_URL: 'mysql://db/tabella' }, 'DATABASE_URL: must be a postgres:// or postgresql:// URL'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(name);
  });

  it('DATABASE_URL selects PostgreSQL; a bad one is refused without showing its password', () => {
    expect(readConfig({}).databaseUrl).toBeUndefined();
    expect(readConfig({ DATABASE_URL: 'postgresql://tabella:pw@db:5432/tabella' }).databaseUrl).toBe('postgresql://tabella:pw@db:5432/tabella');
    expect(() => readConfig({ DATABASE_URL: 'mysql://tabella:s3cret@db/tabella' })).toThrow('got "mysql://tabella:***@db/tabella"');
  });

  it('the server process stops with a clear message and exit code 2 on a bad value', () => {
    const main = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
    const run = spawnSync(process.execPath, [main], { env: { ...process.env, PORT: 'abc' }, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toContain('PORT');
  });
});
