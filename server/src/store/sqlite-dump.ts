import type Database from 'better-sqlite3';
import type { FollowUpKind, Role } from '../../../shared/src/index.js';
import type { BoardDump } from './board-dump.js';
import { memberFromDb, type MemberDbRow } from './sqlite-rows.js';

/** Ids of every board of the database, oldest first. */
export function sqliteBoardIds(db: Database.Database): string[] {
  return db.prepare<[], { id: string }>('SELECT id FROM boards ORDER BY created_at, id').all().map((r) => r.id);
}

/** One board and every row it owns, read in one transaction (one snapshot); undefined when there is no such board. */
export function sqliteDumpBoard(db: Database.Database, id: string): BoardDump | undefined {
  return db.transaction(() => {
    const board = db.prepare<[string], { id: string; created_at: number; access_epoch: number }>(
      'SELECT id, created_at, access_epoch FROM boards WHERE id = ?',
    ).get(id);
    if (!board) return undefined;
    const updates = db.prepare<[string], { doc: string; seq: number; data: Buffer }>(
      'SELECT doc, seq, data FROM updates WHERE board_id = ? ORDER BY doc, seq',
    ).all(id);
    const docs: BoardDump['docs'] = [];
    for (const u of updates) {
      if (docs.at(-1)?.doc !== u.doc) docs.push({ doc: u.doc, updates: [] });
      docs.at(-1)!.updates.push({ seq: u.seq, data: new Uint8Array(u.data) });
    }
    const joinCode = db.prepare<[string], { code: string; open: number; created_at: number }>(
      'SELECT code, open, created_at FROM join_codes WHERE board_id = ?',
    ).get(id);
    return {
      board: { id: board.id, createdAt: board.created_at, accessEpoch: board.access_epoch },
      tokens: db.prepare<[string], { role: Role; hash: Buffer }>('SELECT role, hash FROM tokens WHERE board_id = ? ORDER BY role').all(id)
        .map((r) => ({ role: r.role, hash: new Uint8Array(r.hash) })),
      members: db.prepare<[string], MemberDbRow>('SELECT * FROM members WHERE board_id = ? ORDER BY joined_at, id').all(id).map(memberFromDb),
      followUpLinks: db.prepare<[string], { kind: FollowUpKind; hash: Buffer; created_at: number }>(
        'SELECT kind, hash, created_at FROM follow_up_links WHERE board_id = ? ORDER BY kind',
      ).all(id).map((r) => ({ kind: r.kind, hash: new Uint8Array(r.hash), createdAt: r.created_at })),
      versions: db.prepare<[string], { id: string; name: string; created_at: number; state: Buffer }>(
        'SELECT id, name, created_at, state FROM versions WHERE board_id = ? ORDER BY created_at, id',
      ).all(id).map((r) => ({ id: r.id, name: r.name, createdAt: r.created_at, state: new Uint8Array(r.state) })),
      joinCode: joinCode && { code: joinCode.code, open: joinCode.open === 1, createdAt: joinCode.created_at },
      docs,
    };
  })();
}
