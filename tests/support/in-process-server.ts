import { afterAll, beforeAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import * as Y from 'yjs';
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

export type TestServer = Awaited<ReturnType<typeof startTestServer>>;

/** The board as the store holds it right now (its room flushed first), in a fresh doc. */
export async function storedDoc(server: TestServer, boardId: string): Promise<Y.Doc> {
  const room = await server.rooms.peek(boardId);
  await room?.flushed();
  const doc = new Y.Doc();
  for (const u of (await server.store.loadUpdates(boardId)).updates) Y.applyUpdate(doc, u);
  return doc;
}

/**
 * One real server for a whole test file: started before its tests, closed
 * after them together with every client the tests handed to `open`.
 * `server` is readable once the file's tests run (it is set in beforeAll).
 */
export function useTestServer(env: Record<string, string> = {}): { readonly server: TestServer; open: { destroy(): void }[] } {
  let server: TestServer | undefined;
  const fixture = {
    open: [] as { destroy(): void }[],
    get server(): TestServer {
      if (!server) throw new Error('the test server starts in beforeAll: use it inside tests');
      return server;
    },
  };
  beforeAll(async () => {
    server = await startTestServer(env);
  });
  afterAll(async () => {
    for (const c of fixture.open) c.destroy();
    await server?.close();
  });
  return fixture;
}
