import pg from 'pg';
import type { Logger } from 'pino';
import type { FollowUpKind, Role } from '../../../shared/src/index.js';
import {
  MAIN_DOC, type BoardRow, type BoardStore, type DocHead, type JoinCodeRow, type MemberPatch, type MemberRow, type StoredUpdate,
  type TokenRow, type VersionRow,
} from './board-store.js';
import type { BoardDump } from './board-dump.js';
import { writeBoardDump } from './postgres-import.js';
import { checkOut, migrate } from './postgres-schema.js';

/** A new connection that PostgreSQL does not accept within this fails the call (the room's WriteQueue retries). */
const CONNECT_TIMEOUT_MS = 5_000;
/**
 * A statement unanswered this long fails the call. Without it, a call on a
 * pooled connection to a host that vanished from the network (no reset comes)
 * would wait for TCP to give up, many minutes. A timed-out append may still
 * commit: retried, it is stored twice, which Yjs ignores.
 */
const QUERY_TIMEOUT_MS = 30_000;

/**
 * PostgreSQL adapter, for several Tabella nodes sharing one database
 * (docs/scaling.md). Every query is parameterised. A call resolves after its
 * statement has committed (PostgreSQL's default `synchronous_commit = on`).
 *
 * Seqs are per document and gap-free (`seqPerDoc`): `doc_heads` holds each
 * document's head, and `appendUpdate` bumps it and inserts the row in one
 * statement, so the head's row lock orders the commits of one document.
 *
 * PostgreSQL going away (restart, network) makes calls reject, never the
 * process crash: the pool's `'error'` (an idle client losing its connection)
 * is logged, and the next call opens a new connection.
 */
export class PgBoardStore implements BoardStore {
  readonly seqPerDoc = true;
  private closing: Promise<void> | undefined;

  private constructor(private readonly pool: pg.Pool) {}

  /** Connects and applies the schema migrations (safe when several nodes start at once). */
  static async open(url: string, log?: Logger): Promise<PgBoardStore> {
    const pool = new pg.Pool({
      connectionString: url,
      connectionTimeoutMillis: CONNECT_TIMEOUT_MS,
      query_timeout: QUERY_TIMEOUT_MS,
      keepAlive: true,
    });
    pool.on('error', (error) => log?.warn({ err: error }, 'postgres connection lost'));
    try {
      await migrate(pool, log);
    } catch (error) {
      await pool.end();
      throw error;
    }
    return new PgBoardStore(pool);
  }

  /** Runs `work` in one transaction on one connection; a client that failed is discarded. */
  private async tx<T>(work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
    const client = await checkOut(this.pool);
    try {
      await client.query('BEGIN');
      const result = await work(client);
      await client.query('COMMIT');
      client.release();
      return result;
    } catch (error) {
      // The connection is closed instead of rolled back and reused: PostgreSQL
      // rolls back what it had, and a connection whose statement timed out
      // (still running, its answer still to come) is never handed out again.
      client.release(true);
      throw error;
    }
  }

  async createBoard(board: BoardRow, tokens: TokenRow[], initialState: Uint8Array): Promise<void> {
    await this.tx(async (c) => {
      await c.query('INSERT INTO boards (id, created_at) VALUES ($1, $2)', [board.id, board.createdAt]);
      for (const t of tokens) await c.query('INSERT INTO tokens (board_id, role, hash) VALUES ($1, $2, $3)', [board.id, t.role, buf(t.hash)]);
      await c.query('INSERT INTO doc_heads (board_id, doc, seq) VALUES ($1, $2, 1)', [board.id, MAIN_DOC]);
      await c.query('INSERT INTO updates (board_id, doc, seq, data) VALUES ($1, $2, 1, $3)', [board.id, MAIN_DOC, buf(initialState)]);
    });
  }

  async getBoard(id: string): Promise<BoardRow | undefined> {
    const { rows } = await this.pool.query<{ id: string; created_at: string }>('SELECT id, created_at FROM boards WHERE id = $1', [id]);
    const row = rows[0];
    return row && { id: row.id, createdAt: Number(row.created_at) };
  }

  async getTokens(id: string): Promise<TokenRow[]> {
    const { rows } = await this.pool.query<{ role: Role; hash: Buffer }>('SELECT role, hash FROM tokens WHERE board_id = $1', [id]);
    return rows.map((r) => ({ role: r.role, hash: new Uint8Array(r.hash) }));
  }

  async replaceToken(id: string, token: TokenRow): Promise<void> {
    await this.tx(async (c) => {
      await c.query('UPDATE tokens SET hash = $1 WHERE board_id = $2 AND role = $3', [buf(token.hash), id, token.role]);
      await bumpEpoch(c, id);
    });
  }

  async appendUpdate(id: string, update: Uint8Array, doc = MAIN_DOC): Promise<number> {
    // One statement, autocommit: the head row stays locked until the commit,
    // so the next append of this document gets head + 1 only after this one is visible.
    const { rows } = await this.pool.query<{ seq: string }>(
      `WITH h AS (
         INSERT INTO doc_heads (board_id, doc, seq) VALUES ($1, $2, 1)
         ON CONFLICT (board_id, doc) DO UPDATE SET seq = doc_heads.seq + 1 RETURNING seq
       )
       INSERT INTO updates (board_id, doc, seq, data) SELECT $1, $2, h.seq, $3 FROM h RETURNING seq`,
      [id, doc, buf(update)],
    );
    return Number(rows[0]!.seq);
  }

  async loadUpdates(id: string, doc = MAIN_DOC): Promise<{ updates: Uint8Array[]; lastSeq: number }> {
    const { updates, head } = await this.loadUpdatesAfter(id, 0, doc);
    return { updates: updates.map((u) => u.data), lastSeq: head };
  }

  async loadUpdatesAfter(id: string, after: number, doc = MAIN_DOC): Promise<{ updates: StoredUpdate[]; head: number }> {
    // One statement, so one snapshot: the head and the rows agree.
    const { rows } = await this.pool.query<{ head: string; seq: string | null; data: Buffer | null }>(
      `SELECT h.seq AS head, u.seq, u.data FROM doc_heads h
       LEFT JOIN updates u ON u.board_id = h.board_id AND u.doc = h.doc AND u.seq > $3
       WHERE h.board_id = $1 AND h.doc = $2 ORDER BY u.seq`,
      [id, doc, after],
    );
    const updates: StoredUpdate[] = [];
    for (const r of rows) if (r.seq !== null && r.data !== null) updates.push({ seq: Number(r.seq), data: new Uint8Array(r.data) });
    return { updates, head: rows.length > 0 ? Number(rows[0]!.head) : 0 };
  }

  async compact(id: string, state: Uint8Array, upTo: number, doc = MAIN_DOC): Promise<void> {
    await this.tx(async (c) => {
      // Another node compacting this document holds the lock: its snapshot will do.
      const { rows: lock } = await c.query<{ locked: boolean }>(
        "SELECT pg_try_advisory_xact_lock(hashtextextended($1 || ':' || $2, 0)) AS locked",
        [id, doc],
      );
      if (!lock[0]?.locked) return;
      const deleted = await c.query('DELETE FROM updates WHERE board_id = $1 AND doc = $2 AND seq <= $3', [id, doc, upTo]);
      // Nothing at or below upTo: a later snapshot is already there. Otherwise
      // the snapshot takes seq upTo, so seqs stay gap-free and a node reading
      // after < upTo gets it; rows appended since (seq > upTo) are kept.
      if ((deleted.rowCount ?? 0) > 0) {
        await c.query('INSERT INTO updates (board_id, doc, seq, data) VALUES ($1, $2, $3, $4)', [id, doc, upTo, buf(state)]);
      }
    });
  }

  async heads(boardIds: readonly string[]): Promise<{ docs: DocHead[]; epochs: { boardId: string; epoch: number }[] }> {
    const ids = [...new Set(boardIds)];
    const docs = await this.pool.query<{ board_id: string; doc: string; seq: string }>(
      'SELECT board_id, doc, seq FROM doc_heads WHERE board_id = ANY($1)',
      [ids],
    );
    const epochs = await this.pool.query<{ id: string; access_epoch: number }>(
      'SELECT id, access_epoch FROM boards WHERE id = ANY($1)',
      [ids],
    );
    return {
      docs: docs.rows.map((r) => ({ boardId: r.board_id, doc: r.doc, head: Number(r.seq) })),
      epochs: epochs.rows.map((r) => ({ boardId: r.id, epoch: r.access_epoch })),
    };
  }

  async ping(): Promise<void> {
    await this.pool.query('SELECT 1');
  }

  async listDocs(id: string): Promise<string[]> {
    const { rows } = await this.pool.query<{ doc: string }>(
      'SELECT DISTINCT doc COLLATE "C" AS doc FROM updates WHERE board_id = $1 ORDER BY 1',
      [id],
    );
    return rows.map((r) => r.doc);
  }

  async deleteDoc(id: string, doc: string): Promise<void> {
    // The head stays: seqs of a document never go back.
    await this.pool.query('DELETE FROM updates WHERE board_id = $1 AND doc = $2', [id, doc]);
  }

  async addMember(boardId: string, m: MemberRow): Promise<void> {
    await this.pool.query(
      'INSERT INTO members (board_id, id, name, department, role, session_hash, joined_at, removed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [boardId, m.id, m.name, m.department, m.role, buf(m.sessionHash), m.joinedAt, m.removed],
    );
  }

  async getMember(boardId: string, memberId: string): Promise<MemberRow | undefined> {
    const { rows } = await this.pool.query<MemberDbRow>('SELECT * FROM members WHERE board_id = $1 AND id = $2', [boardId, memberId]);
    return rows[0] && fromDb(rows[0]);
  }

  async getMemberBySession(boardId: string, sessionHash: Uint8Array): Promise<MemberRow | undefined> {
    const { rows } = await this.pool.query<MemberDbRow>(
      'SELECT * FROM members WHERE board_id = $1 AND session_hash = $2',
      [boardId, buf(sessionHash)],
    );
    return rows[0] && fromDb(rows[0]);
  }

  async listMembers(boardId: string): Promise<MemberRow[]> {
    const { rows } = await this.pool.query<MemberDbRow>(
      'SELECT * FROM members WHERE board_id = $1 ORDER BY joined_at, id COLLATE "C"',
      [boardId],
    );
    return rows.map(fromDb);
  }

  async updateMember(boardId: string, memberId: string, patch: MemberPatch): Promise<MemberRow | undefined> {
    return this.tx(async (c) => {
      const { rows } = await c.query<MemberDbRow>('SELECT * FROM members WHERE board_id = $1 AND id = $2 FOR UPDATE', [boardId, memberId]);
      if (!rows[0]) return undefined;
      const next = { ...fromDb(rows[0]), ...patch };
      await c.query(
        'UPDATE members SET name = $1, department = $2, role = $3, removed = $4 WHERE board_id = $5 AND id = $6',
        [next.name, next.department, next.role, next.removed, boardId, memberId],
      );
      await bumpEpoch(c, boardId);
      return next;
    });
  }

  async setFollowUpLink(boardId: string, kind: FollowUpKind, hash: Uint8Array, now: number): Promise<void> {
    await this.tx(async (c) => {
      await c.query(
        'INSERT INTO follow_up_links (board_id, kind, hash, created_at) VALUES ($1, $2, $3, $4) '
          + 'ON CONFLICT (board_id, kind) DO UPDATE SET hash = excluded.hash, created_at = excluded.created_at',
        [boardId, kind, buf(hash), now],
      );
      await bumpEpoch(c, boardId);
    });
  }

  async getFollowUpLinks(boardId: string): Promise<{ kind: FollowUpKind; hash: Uint8Array }[]> {
    const { rows } = await this.pool.query<{ kind: FollowUpKind; hash: Buffer }>(
      'SELECT kind, hash FROM follow_up_links WHERE board_id = $1',
      [boardId],
    );
    return rows.map((r) => ({ kind: r.kind, hash: new Uint8Array(r.hash) }));
  }

  async setJoinCode(boardId: string, code: string, now: number): Promise<void> {
    await this.pool.query(
      'INSERT INTO join_codes (board_id, code, open, created_at) VALUES ($1, $2, TRUE, $3) '
        + 'ON CONFLICT (board_id) DO UPDATE SET code = excluded.code, open = TRUE, created_at = excluded.created_at',
      [boardId, code, now],
    );
  }

  async getJoinCode(boardId: string): Promise<JoinCodeRow | undefined> {
    const { rows } = await this.pool.query<{ code: string; open: boolean; created_at: string }>(
      'SELECT code, open, created_at FROM join_codes WHERE board_id = $1',
      [boardId],
    );
    const row = rows[0];
    return row && { code: row.code, open: row.open, createdAt: Number(row.created_at) };
  }

  async findJoinCode(code: string): Promise<{ boardId: string; open: boolean } | undefined> {
    const { rows } = await this.pool.query<{ board_id: string; open: boolean }>('SELECT board_id, open FROM join_codes WHERE code = $1', [code]);
    const row = rows[0];
    return row && { boardId: row.board_id, open: row.open };
  }

  async setJoinCodeOpen(boardId: string, open: boolean): Promise<boolean> {
    const result = await this.pool.query('UPDATE join_codes SET open = $1 WHERE board_id = $2', [open, boardId]);
    return (result.rowCount ?? 0) > 0;
  }

  async addVersion(boardId: string, v: VersionRow, state: Uint8Array): Promise<void> {
    await this.pool.query(
      'INSERT INTO versions (board_id, id, name, created_at, state) VALUES ($1, $2, $3, $4, $5)',
      [boardId, v.id, v.name, v.createdAt, buf(state)],
    );
  }

  async listVersions(boardId: string): Promise<VersionRow[]> {
    const { rows } = await this.pool.query<{ id: string; name: string; created_at: string }>(
      'SELECT id, name, created_at FROM versions WHERE board_id = $1 ORDER BY created_at DESC, id COLLATE "C"',
      [boardId],
    );
    return rows.map((r) => ({ id: r.id, name: r.name, createdAt: Number(r.created_at) }));
  }

  async getVersion(boardId: string, id: string): Promise<(VersionRow & { state: Uint8Array }) | undefined> {
    const { rows } = await this.pool.query<{ id: string; name: string; created_at: string; state: Buffer }>(
      'SELECT id, name, created_at, state FROM versions WHERE board_id = $1 AND id = $2',
      [boardId, id],
    );
    const r = rows[0];
    return r && { id: r.id, name: r.name, createdAt: Number(r.created_at), state: new Uint8Array(r.state) };
  }

  /** Copies one board with every row it owns in one transaction; false, writing nothing, when it is already there (migrate). */
  async importBoard(dump: BoardDump): Promise<boolean> {
    return this.tx((c) => writeBoardDump(c, dump));
  }

  async close(): Promise<void> {
    this.closing ??= this.pool.end();
    await this.closing;
  }
}

/** Every change to who may do what bumps the board's access epoch, in the same transaction. */
async function bumpEpoch(c: pg.PoolClient, boardId: string): Promise<void> {
  await c.query('UPDATE boards SET access_epoch = access_epoch + 1 WHERE id = $1', [boardId]);
}

/** A Buffer over the same bytes (pg sends Buffers as bytea). */
function buf(bytes: Uint8Array): Buffer {
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

interface MemberDbRow {
  id: string;
  name: string;
  department: string;
  role: Role;
  session_hash: Buffer;
  joined_at: string;
  removed: boolean;
}

function fromDb(row: MemberDbRow): MemberRow {
  return {
    id: row.id,
    name: row.name,
    department: row.department,
    role: row.role,
    sessionHash: new Uint8Array(row.session_hash),
    joinedAt: Number(row.joined_at),
    removed: row.removed,
  };
}
