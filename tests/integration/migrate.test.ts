import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { addDraft, addNote, draftsRoom, localOrigin, readBoard, setPrivateWriting } from '../../shared/src/index.js';
import { PgBoardStore } from '../../server/src/store/postgres-store.js';
import { SqliteBoardStore } from '../../server/src/store/sqlite-store.js';
import { connect, connectMember, createBoard, type TestClient } from '../support/clients.js';
import { startTestServer, type TestServer } from '../support/in-process-server.js';
import { startPostgres, type PostgresCluster } from '../support/postgres.js';

/**
 * `npm run migrate`: a board built through the real API on SQLite is copied
 * to PostgreSQL, and a server on PostgreSQL serves all of it; a second run
 * changes nothing.
 */
const MIGRATE = fileURLToPath(new URL('../../server/dist/migrate.js', import.meta.url));

let cluster: PostgresCluster;
const open: { destroy(): void }[] = [];
const servers: TestServer[] = [];
beforeAll(async () => {
  cluster = await startPostgres();
});
afterAll(async () => {
  for (const c of open) c.destroy();
  for (const s of servers) await s.close();
  await cluster?.destroy();
});

async function server(env: Record<string, string> = {}): Promise<TestServer> {
  const s = await startTestServer(env);
  servers.push(s);
  return s;
}

function migrate(from: string, to: string) {
  const run = spawnSync(process.execPath, [MIGRATE, '--from', from, '--to', to], { encoding: 'utf8' });
  return { status: run.status, out: run.stdout, err: run.stderr };
}

/** Every row of every table, in a fixed order: equal twice means nothing changed. */
async function everything(url: string): Promise<string> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const tables = ['boards', 'tokens', 'members', 'follow_up_links', 'versions', 'join_codes', 'doc_heads', 'updates'];
    const all: Record<string, unknown[]> = {};
    for (const t of tables) all[t] = (await client.query(`SELECT * FROM ${t} ORDER BY 1, 2`)).rows;
    return JSON.stringify(all);
  } finally {
    await client.end();
  }
}

const json = async <T>(res: Response | Promise<Response>): Promise<T> => {
  const r = await res;
  if (!r.ok) throw new Error(`${r.url}: ${r.status} ${await r.text()}`);
  return (await r.json()) as T;
};

describe('npm run migrate: SQLite to PostgreSQL', () => {
  it('M1: copies a board with everything it holds; a server on PostgreSQL serves it; a second run changes nothing', async () => {
    // --- Real data on SQLite, made through the API and websocket sync.
    const sqlite = await server();
    const api = (path: string, session: string, init: RequestInit = {}) => fetch(`${sqlite.url}/api/${path}`, {
      ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${session}`, ...init.headers },
    });
    const board = await createBoard(sqlite.url);
    const fac = await connectMember(sqlite.url, board, 'facilitator', 'Fiona', 'management');
    const pia = await connectMember(sqlite.url, board, 'participant', 'Pia', 'sales');
    open.push(fac, pia);
    await Promise.all([fac.synced, pia.synced]);
    const stages = readBoard(fac.doc).segments.flatMap((s) => s.stages);
    for (let i = 0; i < 12; i++) addNote(fac.doc, { stageId: stages[i % stages.length]!.id, text: `note ${i}` }, fac.author, localOrigin(fac.memberId));
    await json(api(`boards/${board.id}/members/me`, pia.session, { method: 'PATCH', body: JSON.stringify({ name: 'Pia Rossi' }) }));
    const version = await json<{ id: string }>(api(`boards/${board.id}/versions`, fac.session, { method: 'POST', body: JSON.stringify({ name: 'End of day 1' }) }));
    const commitment = await json<{ link: string }>(api(`boards/${board.id}/follow-up-links/commitment`, fac.session, { method: 'POST' }));
    await json(api(`boards/${board.id}/follow-up-links/feedback`, fac.session, { method: 'POST' }));
    const { code } = await json<{ code: string }>(api(`boards/${board.id}/join-code`, fac.session, { method: 'POST' }));
    setPrivateWriting(fac.doc, true, localOrigin(fac.memberId));
    await vi.waitFor(() => expect(readBoard(pia.doc).session.privateWriting).toBe(true));
    const drafts = connect(sqlite.url, draftsRoom(board.id), pia.session);
    open.push(drafts);
    await drafts.synced;
    addDraft(drafts.doc, pia.doc, { stageId: stages[0]!.id, text: 'my private idea' }, pia.author, localOrigin(pia.memberId));
    await vi.waitFor(async () => {
      const room = await sqlite.rooms.peek(board.id, `private/${pia.memberId}`);
      expect(room?.doc.getMap('notes').size).toBe(1);
    });
    await vi.waitFor(async () => expect((await sqlite.rooms.peek(board.id))?.doc.getMap('notes').size).toBe(12));
    const texts = [...readBoard(fac.doc).notesById.values()].map((n) => n.text).sort();
    for (const c of [fac, pia, drafts]) c.destroy();
    await sqlite.close(); // flushes every room

    // --- Migrate.
    const url = await cluster.createDatabase();
    const file = join(sqlite.dataDir, 'tabella.sqlite');
    const first = migrate(file, url);
    expect(first.err).toBe('');
    expect(first.status).toBe(0);
    expect(first.out).toContain(`copied  ${board.id}: 3 tokens, 2 members, 2 followUpLinks, 1 versions, 1 joinCodes, 2 docs`);
    expect(first.out).toContain('Migrated 1 board(s)');

    // --- A server on PostgreSQL serves all of it.
    const pgServer = await server({ DATABASE_URL: url });
    const pgApi = (path: string, token: string, init: RequestInit = {}) => fetch(`${pgServer.url}/api/${path}`, {
      ...init, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, ...init.headers },
    });
    // Personal sessions still work, with what was changed on them.
    expect(await json(pgApi(`boards/${board.id}`, pia.session))).toMatchObject({ role: 'participant', name: 'Pia Rossi', department: 'sales' });
    const members = await json<{ members: { name: string }[] }>(pgApi(`boards/${board.id}/members`, fac.session));
    expect(members.members.map((m) => m.name).sort()).toEqual(['Fiona', 'Pia Rossi']);
    // The board's content, over the websocket.
    const facAgain: TestClient = connect(pgServer.url, board.id, fac.session);
    open.push(facAgain);
    await facAgain.synced;
    await vi.waitFor(() => expect([...readBoard(facAgain.doc).notesById.values()].map((n) => n.text).sort()).toEqual(texts));
    // The participant's drafts.
    const draftsAgain = connect(pgServer.url, draftsRoom(board.id), pia.session);
    open.push(draftsAgain);
    await draftsAgain.synced;
    await vi.waitFor(() => expect([...readBoard(draftsAgain.doc).notesById.values()].map((n) => n.text)).toEqual(['my private idea']));
    // The version, the follow-up links, the join code, the link tokens.
    const { versions } = await json<{ versions: { id: string; name: string }[] }>(pgApi(`boards/${board.id}/versions`, fac.session));
    expect(versions).toEqual([expect.objectContaining({ id: version.id, name: 'End of day 1' })]);
    expect((await pgApi(`boards/${board.id}/form`, new URL(commitment.link).hash.replace('#token=', ''))).status).toBe(200);
    const found = await json<{ id: string }>(fetch(`${pgServer.url}/api/join-codes/lookup`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ code }),
    }));
    expect(found.id).toBe(board.id);
    expect((await pgApi(`boards/${board.id}`, board.tokens.viewer)).status).toBe(200);
    facAgain.destroy();
    draftsAgain.destroy();
    await pgServer.close();

    // --- A second run skips the board and changes nothing.
    const before = await everything(url);
    const second = migrate(file, url);
    expect(second.status).toBe(0);
    expect(second.out).toContain(`skipped ${board.id}: already in PostgreSQL`);
    expect(second.out).toContain('Migrated 0 board(s), skipped 1 already there, 0 failed.');
    expect(await everything(url)).toBe(before);
  });

  it('M2: bad arguments are refused with a clear message, and nothing is created', async () => {
    const url = await cluster.createDatabase();
    const missing = migrate('/nonexistent/tabella.sqlite', url);
    expect(missing.status).toBe(1);
    expect(missing.err).toContain('No SQLite database at /nonexistent/tabella.sqlite');
    expect(existsSync('/nonexistent')).toBe(false);
    const notPg = migrate('/nonexistent/tabella.sqlite', 'mysql://db/tabella');
    expect(notPg.status).toBe(2);
    expect(notPg.err).toContain('--to must be a postgres:// or postgresql:// URL');
  });

  it('M3: a board that cannot be copied (its join code is taken) is reported and left out whole; the others are copied', async () => {
    const url = await cluster.createDatabase();
    const sources = [mkdtempSync(join(tmpdir(), 'tabella-migrate-')), mkdtempSync(join(tmpdir(), 'tabella-migrate-'))].map((d) => join(d, 'tabella.sqlite'));
    const first = new SqliteBoardStore(sources[0]!);
    await first.createBoard({ id: 'boardA000000', createdAt: 1 }, [], new Uint8Array([0, 0]));
    await first.setJoinCode('boardA000000', 'K7R4QX', 1);
    await first.close();
    const second = new SqliteBoardStore(sources[1]!);
    await second.createBoard({ id: 'boardB000000', createdAt: 2 }, [{ role: 'viewer', hash: new Uint8Array(32) }], new Uint8Array([0, 0]));
    await second.setJoinCode('boardB000000', 'K7R4QX', 2);
    await second.appendUpdate('boardB000000', new Uint8Array([0, 0]), 'private/m1');
    await second.createBoard({ id: 'boardC000000', createdAt: 3 }, [], new Uint8Array([0, 0]));
    await second.close();

    expect(migrate(sources[0]!, url).status).toBe(0);
    const clash = migrate(sources[1]!, url);
    expect(clash.status).toBe(1);
    expect(clash.err).toMatch(/failed {2}boardB000000: .*join_codes.*\(nothing of it was written\)/);
    expect(clash.out).toContain('copied  boardC000000');
    expect(clash.out).toContain('Migrated 1 board(s)');
    const stored = await PgBoardStore.open(url);
    try {
      expect(await stored.getBoard('boardB000000')).toBeUndefined();
      expect(await stored.getTokens('boardB000000')).toEqual([]);
      expect(await stored.loadUpdatesAfter('boardB000000', 0, 'private/m1')).toEqual({ updates: [], head: 0 });
      expect(await stored.findJoinCode('K7R4QX')).toEqual({ boardId: 'boardA000000', open: true });
      expect(await stored.getBoard('boardC000000')).toEqual({ id: 'boardC000000', createdAt: 3 });
    } finally {
      await stored.close();
    }
  });
});
