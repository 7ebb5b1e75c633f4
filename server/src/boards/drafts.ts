import type { Logger } from 'pino';
import type * as Y from 'yjs';
import {
  addNote, readNote, roots, systemOrigin, type RecordMap,
} from '../../../shared/src/index.js';
import { MAIN_DOC, type BoardStore } from '../store/board-store.js';
import { REMOTE_ORIGIN, type Room } from '../sync/room.js';
import type { RoomRegistry } from '../sync/room-registry.js';

const REVEAL_ORIGIN = systemOrigin('reveal');
const DRAFTS_PREFIX = 'private/';

/**
 * Private writing. While `session.privateWriting` is on, each participant's
 * new notes live in their own drafts document (`private/<memberId>`), which
 * only their own connections can open: other browsers never receive the text.
 * When the facilitator turns it off, the server moves every draft into the
 * board, signed with the member's identity, then empties the drafts. The
 * board is written first, so a crash in between can duplicate a draft but
 * never lose one.
 */
export class DraftReveal {
  private readonly watching = new WeakSet<Room>();
  private revealing = new Map<string, Promise<number>>();

  constructor(
    private readonly store: BoardStore,
    private readonly rooms: RoomRegistry,
    private readonly log: Logger,
  ) {}

  /** Called for every loaded room; watches the main board's private-writing switch. */
  watch(room: Room): void {
    if (room.docName !== MAIN_DOC || this.watching.has(room)) return;
    this.watching.add(room);
    const session = room.doc.getMap<unknown>('session');
    let wasOn = session.get('privateWriting') === true;
    session.observe((event) => {
      const on = session.get('privateWriting') === true;
      // Another node's change: that node reveals (it saw the switch from its own peer).
      if (wasOn && !on && event.transaction.origin !== REMOTE_ORIGIN) void this.reveal(room.id);
      wasOn = on;
    });
  }

  /** Moves every draft of the board into it; resolves to the number of notes revealed. */
  reveal(boardId: string): Promise<number> {
    const running = this.revealing.get(boardId) ?? Promise.resolve(0);
    const next = running.then(() => this.revealAll(boardId)).catch((error: unknown) => {
      this.log.error({ err: error, board: boardId }, 'revealing drafts failed');
      return 0;
    });
    this.revealing.set(boardId, next);
    return next;
  }

  private async revealAll(boardId: string): Promise<number> {
    const names = new Set((await this.store.listDocs(boardId)).filter((d) => d.startsWith(DRAFTS_PREFIX)));
    for (const room of await this.rooms.roomsOf(boardId)) if (room.docName.startsWith(DRAFTS_PREFIX)) names.add(room.docName);
    let revealed = 0;
    for (const docName of names) {
      const member = await this.store.getMember(boardId, docName.slice(DRAFTS_PREFIX.length));
      if (!member) continue;
      const drafts = await this.rooms.withRoom(boardId, (room) => readDrafts(room.doc), docName);
      if (drafts.length === 0) continue;
      const moved = await this.rooms.withRoom(boardId, (room) => {
        const board = roots(room.doc);
        const ids: string[] = [];
        room.doc.transact(() => {
          for (const { id, note } of drafts) {
            if (!board.stages.has(note.stageId)) continue; // stage removed meanwhile: keep the draft
            const owners = note.owners.filter((o) => board.departments.has(o));
            addNote(
              room.doc,
              { stageId: note.stageId, text: note.text, kind: note.kind, owners },
              { id: member.id, name: member.name, department: member.department },
              REVEAL_ORIGIN,
              note.createdAt,
            );
            ids.push(id);
          }
        }, REVEAL_ORIGIN);
        return ids;
      });
      await this.rooms.withRoom(boardId, (room) => {
        const notes = roots(room.doc).notes;
        room.doc.transact(() => {
          for (const id of moved) notes.delete(id);
        }, REVEAL_ORIGIN);
      }, docName);
      revealed += moved.length;
    }
    if (revealed > 0) this.log.info({ board: boardId, revealed }, 'revealed private drafts');
    return revealed;
  }
}

function readDrafts(doc: Y.Doc) {
  const out: { id: string; note: ReturnType<typeof readNoteValue> & object }[] = [];
  roots(doc).notes.forEach((entry: RecordMap, id) => {
    const note = readNoteValue(entry);
    if (note) out.push({ id, note });
  });
  return out.sort((a, b) => a.note.order - b.note.order);
}

function readNoteValue(entry: unknown) {
  if (typeof (entry as RecordMap | undefined)?.get !== 'function') return undefined;
  const read = readNote(entry as RecordMap);
  return 'value' in read ? read.value : undefined;
}
