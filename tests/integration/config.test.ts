import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { ConfigError, readConfig } from '../../server/src/config.js';

describe('configuration is validated once at start', () => {
  it('has working defaults', () => {
    const c = readConfig({});
    expect(c).toMatchObject({ port: 8080, host: '127.0.0.1', durability: 'normal', presenceTickMs: 50 });
    expect(c.dataDir.endsWith('/data')).toBe(true);
  });

  it.each([
    [{ PORT: 'eighty' }, 'PORT'],
    [{ PORT: '70000' }, 'PORT'],
    [{ PUBLIC_URL: 'ftp://x' }, 'PUBLIC_URL'],
    [{ DURABILITY: 'maybe' }, 'DURABILITY'],
    [{ MAX_MESSAGE_BYTES: '10' }, 'MAX_MESSAGE_BYTES'],
  ])('refuses %j naming %s', (env, name) => {
    expect(() => readConfig(env)).toThrow(ConfigError);
    expect(() => readConfig(env)).toThrow(name);
  });

  it('the server process stops with a clear message and exit code 2 on a bad value', () => {
    const main = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));
    const run = spawnSync(process.execPath, [main], { env: { ...process.env, PORT: 'abc' }, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toContain('PORT');
  });
});
