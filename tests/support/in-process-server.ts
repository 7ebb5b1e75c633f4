import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import { readConfig } from '../../server/src/config.js';
import { startServer, type ServerDeps, type TabellaServer } from '../../server/src/server.js';

/** A real Tabella server in this process on port 0 with a fresh data directory. */
export async function startTestServer(
  env: Record<string, string> = {},
  deps: Omit<ServerDeps, 'log'> = {},
): Promise<TabellaServer & { dataDir: string }> {
  const dataDir = env.DATA_DIR ?? mkdtempSync(join(tmpdir(), 'tabella-it-'));
  const config = readConfig({ PORT: '0', HOST: '127.0.0.1', DATA_DIR: dataDir, ...env });
  const server = await startServer(config, { ...deps, log: pino({ level: process.env.TEST_LOG_LEVEL ?? 'silent' }) });
  return Object.assign(server, { dataDir });
}
