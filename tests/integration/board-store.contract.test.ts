import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import type { BoardStore } from '../../server/src/store/board-store.js';
import { PgBoardStore } from '../../server/src/store/postgres-store.js';
import { SqliteBoardStore } from '../../server/src/store/sqlite-store.js';
import { startPostgres, type PostgresCluster } from '../support/postgres.js';

const tempDir = () => mkdtempSync(join(tmpdir(), 'tabella-store-'));

/** One PostgreSQL cluster for this file, started by the first test that needs it; a fresh database per store. */
let cluster: Promise<PostgresCluster> | undefined;
const postgres = () => (cluster ??= startPostgres());
afterAll(async () => {
  await (await cluster)?.destroy();
});

/**
 * The BoardStore contract. Every adapter must pass this suite unchanged; add
 * an entry to `adapters` when adding a database. `place` makes a new empty
 * place to store in (a folder, a database); `open` opens a store there.
 */
const adapters: { name: string; place: () => Promise<string>; open: (place: string) => Promise<BoardStore>; reopenable: boolean }[] = [
  { name: 'sqlite (file)', place: async () => tempDir(), open: async (dir) => new SqliteBoardStore(join(dir, 'tabella.sqlite')), reopenable: true },
  {
    name: 'sqlite (file, synchronous=NORMAL)',
    place: async () => tempDir(),
    open: async (dir) => new SqliteBoardStore(join(dir, 'tabella.sqlite'), 'normal'),
    reopenable: true,
  },
  { name: 'sqlite (memory)', place: async () => '', open: async () => new SqliteBoardStore(':memory:'), reopenable: false },
  { name: 'postgresql', place: async () => (await postgres()).createDatabase(), open: (url) => PgBoardStore.open(url), reopenable: true },
];

function update(text: string): Uint8Array {
  const doc = new Y.Doc();
  doc.getMap('m').set(text, text);
  return Y.encodeStateAsUpdate(doc);
}

function docOf(updates: Uint8Array[]): Y.Doc {
  const doc = new Y.Doc();
  for (const u of updates) Y.applyUpdate(doc, u);
  return doc;
}

const hash = (n: number) => new Uint8Array(32).fill(n);

for (const adapter of adapters) {
  describe(`BoardStore contract: ${adapter.name}`, () => {
    const open: BoardStore[] = [];
    const make = async (place?: string) => {
      const dir = place ?? await adapter.place();
      const store = await adapter.open(dir);
      open.push(store);
      return { store, dir };
    };
    afterEach(async () => {
      for (const s of open.splice(0)) await s.close();
    });

    it('S1: createBoard stores the board, its hashed tokens and the initial state atomically', async () => {
      const { store } = await make();
      await store.createBoard({ id: 'board00000001', createdAt: 5 }, [
        { role: 'facilitator', hash: hash(1) },
        { role: 'participant', hash: hash(2) },
        { role: 'viewer', hash: hash(3) },
      ], update('init'));
      expect(await store.getBoard('board00000001')).toEqual({ id: 'board00000001', createdAt: 5 });
      const tokens = await store.getTokens('board00000001');
      expect(tokens.map((t) => t.role).sort()).toEqual(['facilitator', 'participant', 'viewer']);
      expect([...tokens.find((t) => t.role === 'viewer')!.hash]).toEqual([...hash(3)]);
      const { updates } = await store.loadUpdates('board00000001');
      expect(docOf(updates).getMap('m').get('init')).toBe('init');
    });

    it('S2: creating a board twice fails and leaves the first intact', async () => {
      const { store } = await make();
      await store.createBoard({ id: 'board00000001', createdAt: 1 }, [], update('a'));
      await expect(store.createBoard({ id: 'board00000001', createdAt: 2 }, [], update('b'))).rejects.toThrow();
      expect((await store.getBoard('board00000001'))?.createdAt).toBe(1);
      expect((await store.loadUpdates('board00000001')).updates).toHaveLength(1);
    });

    it('S3: unknown boards have no row, tokens or updates', async () => {
      const { store } = await make();
      expect(await store.getBoard('nope00000000')).toBeUndefined();
      expect(await store.getTokens('nope00000000')).toEqual([]);
      expect(await store.loadUpdates('nope00000000')).toEqual({ updates: [], lastSeq: 0 });
    });

    it('S4: appended updates load in append order with increasing sequence numbers, per board', async () => {
      const { store } = await make();
      await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('a0'));
      await store.createBoard({ id: 'boardB000000', createdAt: 1 }, [], update('b0'));
      const seqs: number[] = [];
      for (let i = 1; i <= 5; i++) {
        seqs.push(await store.appendUpdate('boardA000000', update(`a${i}`)));
        await store.appendUpdate('boardB000000', update(`b${i}`));
      }
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      const a = await store.loadUpdates('boardA000000');
      expect(a.updates).toHaveLength(6);
      expect(a.lastSeq).toBe(seqs[4]);
      expect([...docOf(a.updates).getMap('m').keys()].sort()).toEqual(['a0', 'a1', 'a2', 'a3', 'a4', 'a5']);
    });

    it('S5: compact replaces updates up to a sequence number and keeps later ones', async () => {
      const { store } = await make();
      await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('a0'));
      const s1 = await store.appendUpdate('boardA000000', update('a1'));
      await store.appendUpdate('boardA000000', update('a2'));
      const snapshot = Y.mergeUpdates([update('a0'), update('a1')]);
      await store.compact('boardA000000', snapshot, s1);
      const after = await store.loadUpdates('boardA000000');
      expect(after.updates).toHaveLength(2);
      expect([...docOf(after.updates).getMap('m').keys()].sort()).toEqual(['a0', 'a1', 'a2']);
      // Later appends still come after the snapshot.
      const s3 = await store.appendUpdate('boardA000000', update('a3'));
      expect(s3).toBeGreaterThan(after.lastSeq);
    });

    it('S7: link tokens can be replaced; after-workshop links are created and rotated', async () => {
      const { store } = await make();
      await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [{ role: 'participant', hash: hash(1) }], update('a0'));
      await store.replaceToken('boardA000000', { role: 'participant', hash: hash(2) });
      expect((await store.getTokens('boardA000000')).map((t) => [t.role, t.hash[0]])).toEqual([['participant', 2]]);
      expect(await store.getFollowUpLinks('boardA000000')).toEqual([]);
      await store.setFollowUpLink('boardA000000', 'feedback', hash(3), 10);
      await store.setFollowUpLink('boardA000000', 'feedback', hash(4), 11);
      await store.setFollowUpLink('boardA000000', 'commitment', hash(5), 12);
      const links = await store.getFollowUpLinks('boardA000000');
      expect(links.map((l) => [l.kind, l.hash[0]]).sort()).toEqual([['commitment', 5], ['feedback', 4]]);
    });

    it('S8: versions keep their state, newest first; members keep their sessions', async () => {
      const { store } = await make();
      await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('a0'));
      await store.addVersion('boardA000000', { id: 'v1', name: 'Day 1', createdAt: 100 }, update('day1'));
      await store.addVersion('boardA000000', { id: 'v2', name: 'Day 2', createdAt: 200 }, update('day2'));
      expect(await store.listVersions('boardA000000')).toEqual([
        { id: 'v2', name: 'Day 2', createdAt: 200 }, { id: 'v1', name: 'Day 1', createdAt: 100 },
      ]);
      const v1 = await store.getVersion('boardA000000', 'v1');
      expect(docOf([v1!.state]).getMap('m').get('day1')).toBe('day1');
      expect(await store.getVersion('boardA000000', 'nope')).toBeUndefined();
      const member = { id: 'm1', name: 'Ada', department: 'sales', role: 'participant' as const, sessionHash: hash(7), joinedAt: 5, removed: false };
      await store.addMember('boardA000000', member);
      expect(await store.getMemberBySession('boardA000000', hash(7))).toEqual(member);
      expect(await store.updateMember('boardA000000', 'm1', { role: 'viewer', removed: true })).toEqual({ ...member, role: 'viewer', removed: true });
      expect(await store.listMembers('boardA000000')).toHaveLength(1);
      expect(await store.getMemberBySession('boardA000000', hash(8))).toBeUndefined();
    });

    it('S9: side documents (drafts) are stored apart from the board and can be listed and deleted', async () => {
      const { store } = await make();
      await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('main'));
      await store.appendUpdate('boardA000000', update('draft'), 'private/m1');
      expect(await store.listDocs('boardA000000')).toEqual(['', 'private/m1']);
      expect(docOf((await store.loadUpdates('boardA000000')).updates).getMap('m').has('draft')).toBe(false);
      expect(docOf((await store.loadUpdates('boardA000000', 'private/m1')).updates).getMap('m').get('draft')).toBe('draft');
      await store.deleteDoc('boardA000000', 'private/m1');
      expect(await store.listDocs('boardA000000')).toEqual(['']);
    });

    it('S10: a join code belongs to one board, is replaced by a new one, opens and closes', async () => {
      const { store } = await make();
      await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('a'));
      await store.createBoard({ id: 'boardB000000', createdAt: 1 }, [], update('b'));
      expect(await store.getJoinCode('boardA000000')).toBeUndefined();
      expect(await store.setJoinCodeOpen('boardA000000', false)).toBe(false);
      await store.setJoinCode('boardA000000', 'K7R4QX', 10);
      expect(await store.getJoinCode('boardA000000')).toEqual({ code: 'K7R4QX', open: true, createdAt: 10 });
      expect(await store.findJoinCode('K7R4QX')).toEqual({ boardId: 'boardA000000', open: true });
      // Another board cannot take it, and the first keeps it.
      await expect(store.setJoinCode('boardB000000', 'K7R4QX', 11)).rejects.toThrow();
      expect(await store.getJoinCode('boardB000000')).toBeUndefined();
      expect(await store.setJoinCodeOpen('boardA000000', false)).toBe(true);
      expect(await store.findJoinCode('K7R4QX')).toEqual({ boardId: 'boardA000000', open: false });
      // A new code replaces the old one and is open again.
      await store.setJoinCode('boardA000000', 'M9P3TW', 12);
      expect(await store.findJoinCode('K7R4QX')).toBeUndefined();
      expect(await store.getJoinCode('boardA000000')).toEqual({ code: 'M9P3TW', open: true, createdAt: 12 });
      await store.setJoinCode('boardB000000', 'K7R4QX', 13);
      expect(await store.findJoinCode('K7R4QX')).toEqual({ boardId: 'boardB000000', open: true });
    });

    it('S11: loadUpdatesAfter returns the updates after a seq, in order, with the head, in one answer', async () => {
      const { store } = await make();
      expect(await store.loadUpdatesAfter('nope00000000', 0)).toEqual({ updates: [], head: 0 });
      await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('a0'));
      const seqs = [(await store.loadUpdates('boardA000000')).lastSeq];
      for (let i = 1; i <= 4; i++) seqs.push(await store.appendUpdate('boardA000000', update(`a${i}`)));
      await store.appendUpdate('boardA000000', update('draft'), 'private/m1');
      const all = await store.loadUpdatesAfter('boardA000000', 0);
      expect(all.updates.map((u) => u.seq)).toEqual(seqs);
      expect(all.head).toBe(seqs[4]);
      const tail = await store.loadUpdatesAfter('boardA000000', seqs[2]!);
      expect(tail.updates.map((u) => u.seq)).toEqual(seqs.slice(3));
      expect([...docOf(tail.updates.map((u) => u.data)).getMap('m').keys()].sort()).toEqual(['a3', 'a4']);
      expect(await store.loadUpdatesAfter('boardA000000', seqs[4]!)).toEqual({ updates: [], head: seqs[4] });
      if (store.seqPerDoc) {
        // Per document, from 1, without gaps (the draft did not take a seq of the main document).
        expect(seqs).toEqual([1, 2, 3, 4, 5]);
        expect((await store.loadUpdatesAfter('boardA000000', 0, 'private/m1')).updates.map((u) => u.seq)).toEqual([1]);
      }
    });

    it('S12: a node behind a compaction gets the snapshot from loadUpdatesAfter, and nothing is lost', async () => {
      const { store } = await make();
      await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [], update('a0'));
      const s1 = await store.appendUpdate('boardA000000', update('a1'));
      const s2 = await store.appendUpdate('boardA000000', update('a2'));
      await store.compact('boardA000000', Y.mergeUpdates([update('a0'), update('a1'), update('a2')]), s2);
      const s3 = await store.appendUpdate('boardA000000', update('a3'));
      const behind = await store.loadUpdatesAfter('boardA000000', s1);
      expect([...docOf(behind.updates.map((u) => u.data)).getMap('m').keys()].sort()).toEqual(['a0', 'a1', 'a2', 'a3']);
      expect(behind.head).toBe(s3);
      const seqs = behind.updates.map((u) => u.seq);
      expect([...seqs].sort((x, y) => x - y)).toEqual(seqs);
      if (store.seqPerDoc) {
        // The snapshot takes seq upTo: still 1, 2, 3… and head + 1 next.
        expect(seqs).toEqual([s2, s3]);
        expect(s3).toBe(s2 + 1);
      }
    });

    it('S13: heads gives each document\'s head and each board\'s access epoch, which access changes bump', async () => {
      const { store } = await make();
      await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [{ role: 'participant', hash: hash(1) }], update('a0'));
      await store.createBoard({ id: 'boardB000000', createdAt: 1 }, [], update('b0'));
      const a1 = await store.appendUpdate('boardA000000', update('a1'));
      const d1 = await store.appendUpdate('boardA000000', update('d1'), 'private/m1');
      const b0 = (await store.loadUpdates('boardB000000')).lastSeq;
      const epochOf = async (id: string) => (await store.heads([id])).epochs.find((e) => e.boardId === id)?.epoch;

      const both = await store.heads(['boardA000000', 'boardB000000', 'nope00000000']);
      const byKey = (h: { boardId: string; doc: string }) => `${h.boardId}/${h.doc}`;
      expect([...both.docs].sort((x, y) => byKey(x).localeCompare(byKey(y)))).toEqual([
        { boardId: 'boardA000000', doc: '', head: a1 },
        { boardId: 'boardA000000', doc: 'private/m1', head: d1 },
        { boardId: 'boardB000000', doc: '', head: b0 },
      ]);
      expect([...both.epochs].sort((x, y) => x.boardId.localeCompare(y.boardId))).toEqual([
        { boardId: 'boardA000000', epoch: 0 }, { boardId: 'boardB000000', epoch: 0 },
      ]);
      expect(await store.heads([])).toEqual({ docs: [], epochs: [] });

      // Changes to who may do what bump the epoch; content and join codes do not.
      await store.appendUpdate('boardA000000', update('a2'));
      await store.setJoinCode('boardA000000', 'K7R4QX', 2);
      expect(await epochOf('boardA000000')).toBe(0);
      await store.addMember('boardA000000', { id: 'm1', name: 'Ada', department: '', role: 'participant', sessionHash: hash(7), joinedAt: 1, removed: false });
      await store.updateMember('boardA000000', 'm1', { removed: true });
      expect(await epochOf('boardA000000')).toBe(1);
      await store.replaceToken('boardA000000', { role: 'participant', hash: hash(2) });
      expect(await epochOf('boardA000000')).toBe(2);
      await store.setFollowUpLink('boardA000000', 'feedback', hash(3), 3);
      expect(await epochOf('boardA000000')).toBe(3);
      expect(await epochOf('boardB000000')).toBe(0);
      // Updating a member who does not exist changes nothing.
      expect(await store.updateMember('boardA000000', 'nobody', { removed: true })).toBeUndefined();
      expect(await epochOf('boardA000000')).toBe(3);
    });

    it('S14: ping resolves while the store answers', async () => {
      const { store } = await make();
      await expect(store.ping()).resolves.toBeUndefined();
    });

    it('S6: what was appended survives closing and reopening', async () => {
      if (!adapter.reopenable) return;
      const { store, dir } = await make();
      await store.createBoard({ id: 'boardA000000', createdAt: 1 }, [{ role: 'viewer', hash: hash(9) }], update('a0'));
      await store.appendUpdate('boardA000000', update('a1'));
      await store.setJoinCode('boardA000000', 'K7R4QX', 2);
      await store.setJoinCodeOpen('boardA000000', false);
      await store.close();
      const { store: again } = await make(dir);
      expect(await again.findJoinCode('K7R4QX')).toEqual({ boardId: 'boardA000000', open: false });
      expect(await again.getBoard('boardA000000')).toBeDefined();
      expect((await again.getTokens('boardA000000'))[0]!.role).toBe('viewer');
      expect([...docOf((await again.loadUpdates('boardA000000')).updates).getMap('m').keys()].sort()).toEqual(['a0', 'a1']);
    });
  });
}
