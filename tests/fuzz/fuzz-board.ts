import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pino from 'pino';
import * as Y from 'yjs';
import {
  configureVoting, initializeBoard, noteMemberKey, readBoard, remoteOrigin, roots, setBookletText, setBrand, setLogo,
  systemOrigin, upsertMember, type Actor,
} from '../../shared/src/index.js';
import { testLogoPng } from '../support/test-logo.js';
import { MAIN_DOC, type BoardStore } from '../../server/src/store/board-store.js';
import { SqliteBoardStore } from '../../server/src/store/sqlite-store.js';
import { Room } from '../../server/src/sync/room.js';
import type { RoomPeer } from '../../server/src/sync/room-peer.js';
import { scenario, seedSampleNotes } from '../support/seed-demo.js';

/** One person sending updates: who the server thinks they are, and how the room sees their connection. */
export interface FuzzActor {
  actor: Actor;
  origin: object;
  peer: RoomPeer;
}

export interface FuzzBoard {
  room: Room;
  participants: FuzzActor[];
  facilitator: FuzzActor;
  /** Bytes the room has handed to the store (appends and compactions) so far. */
  written(): number;
  close(): Promise<void>;
}

const BOARD_ID = 'fuzzBoard000000000001';

function fuzzActor(role: Actor['role'], memberId: string, name: string, department: string): FuzzActor {
  const peer: RoomPeer = { id: memberId, send: () => undefined, close: () => undefined };
  return { actor: { role, memberId, name, department }, origin: remoteOrigin(memberId), peer };
}

/** Counts what reaches the store, so a refused update can be shown to have written nothing. */
function counting(store: BoardStore, add: (bytes: number) => void): BoardStore {
  return new Proxy(store, {
    get(target, prop, receiver) {
      if (prop === 'appendUpdate') {
        return (id: string, update: Uint8Array, doc?: string) => (add(update.byteLength), target.appendUpdate(id, update, doc));
      }
      if (prop === 'compact') {
        return (id: string, state: Uint8Array, upTo: number, doc?: string) => (add(state.byteLength), target.compact(id, state, upTo, doc));
      }
      const value: unknown = Reflect.get(target, prop, receiver);
      return typeof value === 'function' ? (value as (...a: unknown[]) => unknown).bind(target) : value;
    },
  });
}

/**
 * A vision-workshop board (tests/fixtures/vision-workshop.json) in a real
 * SQLite store in a temp folder, loaded into a real Room: the fixture's sample
 * notes by their authors, a few members as participants and one facilitator,
 * voting configured (closed), some dots and owner proposals already there.
 */
export async function fuzzBoard(): Promise<FuzzBoard> {
  const dir = mkdtempSync(join(tmpdir(), 'tabella-fuzz-'));
  const doc = new Y.Doc();
  doc.clientID = 424_242; // not random, so a seed replays the same run
  const origin = systemOrigin('fuzz-setup');
  initializeBoard(doc, { title: 'Fuzz workshop', template: 'vision-workshop', language: 'en' }, origin, 1_700_000_000_000);
  seedSampleNotes(doc, 'en');
  const people = [0, 7, 14, 3].map((i) => fuzzActor('participant', `p${i}`, scenario.participants[i]!.name, scenario.participants[i]!.department));
  const facilitator = fuzzActor('facilitator', 'fac', 'Fiona Facile', 'management');
  for (const { actor } of [...people, facilitator]) {
    upsertMember(doc, actor.memberId, { name: actor.name, department: actor.department, role: actor.role, joinedAt: 1, removed: false }, origin);
  }
  configureVoting(doc, { votesPerPerson: 5, capPerNote: 3, hideResults: false }, origin);
  // The deliverables' words and brand, so hostile updates have them to aim at too.
  setBookletText(doc, { key: 'foreword' }, 'Our foreword', origin);
  setBookletText(doc, { segmentId: readBoard(doc).segments[0]!.id }, 'Segment summary', origin);
  setBrand(doc, { companyName: 'Rossi', accentColor: '#0f766e' }, origin);
  setLogo(doc, { bytes: testLogoPng(24, 8), type: 'png', width: 24, height: 8 }, origin);
  const notes = [...readBoard(doc).notesById.values()];
  doc.transact(() => {
    const { votes, proposals, session } = roots(doc);
    session.set('phase', 'brainstorm');
    session.set('privateWriting', false);
    notes.slice(0, 4).forEach((note, i) => {
      votes.set(noteMemberKey(note.id, people[i % people.length]!.actor.memberId), 1 + (i % 2));
      proposals.set(noteMemberKey(note.id, people[(i + 1) % people.length]!.actor.memberId), 'support');
    });
  }, origin);

  let written = 0;
  const sqlite = new SqliteBoardStore(join(dir, 'tabella.db'), 'normal');
  const store = counting(sqlite, (bytes) => (written += bytes));
  await store.createBoard({ id: BOARD_ID, createdAt: 1 }, [], Y.encodeStateAsUpdate(doc));
  const room = await Room.load(BOARD_ID, MAIN_DOC, store, pino({ level: 'silent' }), {
    compactEvery: 200, maxBytes: 64 * 1024 * 1024, maxPresence: 100, presenceTickMs: 50, maxPendingBytes: 16 * 1024 * 1024,
    // The same people send honest and hostile updates here: judge every one of them.
    refusalsPerMinute: Number.POSITIVE_INFINITY,
  });
  return {
    room,
    participants: people,
    facilitator,
    written: () => written,
    async close() {
      await room.unload();
      await sqlite.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
