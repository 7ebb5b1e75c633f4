import type pg from 'pg';
import type { BoardDump } from './board-dump.js';

/** Updates sent per INSERT: few round trips, statements of bounded size. */
const UPDATES_PER_INSERT = 500;

/**
 * Writes one board with every row it owns, inside the caller's transaction.
 * Resolves false, writing nothing, when the board is already there.
 *
 * Each document's updates keep their order and are numbered 1, 2, 3… (SQLite
 * numbers all documents together; PostgreSQL's seqs are per document and
 * gap-free, see BoardStore), and the document's head is the last of them.
 */
export async function writeBoardDump(c: pg.PoolClient, dump: BoardDump): Promise<boolean> {
  const { board } = dump;
  const inserted = await c.query(
    'INSERT INTO boards (id, created_at, access_epoch) VALUES ($1, $2, $3) ON CONFLICT (id) DO NOTHING',
    [board.id, board.createdAt, board.accessEpoch],
  );
  if (inserted.rowCount === 0) return false;
  for (const t of dump.tokens) {
    await c.query('INSERT INTO tokens (board_id, role, hash) VALUES ($1, $2, $3)', [board.id, t.role, Buffer.from(t.hash)]);
  }
  for (const m of dump.members) {
    await c.query(
      'INSERT INTO members (board_id, id, name, department, role, session_hash, joined_at, removed) VALUES ($1, $2, $3, $4, $5, $6, $7, $8)',
      [board.id, m.id, m.name, m.department, m.role, Buffer.from(m.sessionHash), m.joinedAt, m.removed],
    );
  }
  for (const l of dump.followUpLinks) {
    await c.query(
      'INSERT INTO follow_up_links (board_id, kind, hash, created_at) VALUES ($1, $2, $3, $4)',
      [board.id, l.kind, Buffer.from(l.hash), l.createdAt],
    );
  }
  for (const v of dump.versions) {
    await c.query(
      'INSERT INTO versions (board_id, id, name, created_at, state) VALUES ($1, $2, $3, $4, $5)',
      [board.id, v.id, v.name, v.createdAt, Buffer.from(v.state)],
    );
  }
  if (dump.joinCode) {
    const j = dump.joinCode;
    await c.query('INSERT INTO join_codes (board_id, code, open, created_at) VALUES ($1, $2, $3, $4)', [board.id, j.code, j.open, j.createdAt]);
  }
  for (const { doc, updates } of dump.docs) {
    await c.query('INSERT INTO doc_heads (board_id, doc, seq) VALUES ($1, $2, $3)', [board.id, doc, updates.length]);
    for (let from = 0; from < updates.length; from += UPDATES_PER_INSERT) {
      const batch = updates.slice(from, from + UPDATES_PER_INSERT);
      await c.query(
        'INSERT INTO updates (board_id, doc, seq, data) SELECT $1, $2, t.seq, t.data FROM unnest($3::bigint[], $4::bytea[]) AS t(seq, data)',
        [board.id, doc, batch.map((_, i) => from + i + 1), batch.map((u) => Buffer.from(u.data))],
      );
    }
  }
  return true;
}
