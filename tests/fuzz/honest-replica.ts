import * as Y from 'yjs';
import {
  PHASES, addNote, castVote, deleteNote, localOrigin, moveNote, proposeOwner, retractVote, setBookletText, setBrand, setPhase,
  setPrivateWriting, setVotingOpen, updateNote, type Actor, type NoteKind,
} from '../../shared/src/index.js';
import { read, violations } from './board-oracle.js';

type Rng = () => number;
const pick = <T>(rng: Rng, list: readonly T[]): T | undefined => list[Math.floor(rng() * list.length)];
const same = (a: Uint8Array, b: Uint8Array) => Buffer.from(a).equals(Buffer.from(b));
const KINDS: NoteKind[] = ['action', 'best practice', 'question'];

/**
 * A person's own copy of the board, kept in step with the room, on which the
 * shared operations (what the real client runs) make honest updates.
 */
export class HonestReplica {
  private doc = new Y.Doc();
  private stale = false;
  private assigned = 0;

  constructor(private readonly room: Y.Doc, private readonly actor: Actor, private readonly rng: Rng) {
    this.reset();
  }

  get clientID(): number {
    return this.doc.clientID;
  }

  /** Starts over from the room's state with a new client id (after a refused update, as our client does). */
  private reset(): void {
    this.stale = false;
    this.doc.destroy();
    this.doc = new Y.Doc();
    this.doc.clientID = this.assigned = 1 + Math.floor(this.rng() * 0xfffffff0);
    Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(this.room));
  }

  /**
   * The room did not take what this replica last made (refused, or sent
   * mangled): start over on the next action. Needed for deletions too, which
   * leave no trace in the state vector.
   */
  restart(): void {
    this.stale = true;
  }

  private sync(): void {
    if (this.stale || Y.getState(this.doc.store, this.doc.clientID) > Y.getState(this.room.store, this.doc.clientID)) this.reset();
    else Y.applyUpdate(this.doc, Y.encodeStateAsUpdate(this.room, Y.encodeStateVector(this.doc)));
    // Yjs picks a new random client id when it sees its own in what arrived
    // (placeholders over our clocks): pick it from the seed instead, so runs replay.
    if (this.doc.clientID !== this.assigned) this.doc.clientID = this.assigned = 1 + Math.floor(this.rng() * 0xfffffff0);
  }

  /**
   * Whether the replica saw exactly what the room holds before its action
   * (`sv`, `ds`), so the oracle judged the action against the room's own state.
   * Not so when the room has parked structs (which go out with its state), or
   * when an update that got in made the room and a fresh copy of it disagree
   * on what is deleted.
   */
  private inStep(sv: Uint8Array, ds: Uint8Array): boolean {
    const store = this.room.store;
    const roomSv = Y.encodeStateVector(this.room);
    return store.pendingStructs === null && store.pendingDs === null && same(sv, roomSv)
      && same(ds, Y.encodeStateAsUpdate(this.room, roomSv));
  }

  /**
   * One honest action of this person, as the update it produces, and whether
   * the oracle allows its effect (an allowed honest update must be accepted).
   * Undefined when nothing applicable came up.
   */
  next(): { update: Uint8Array; mustAccept: boolean; what: string } | undefined {
    this.sync();
    const ops = this.actor.role === 'facilitator' ? this.facilitatorOps() : this.participantOps();
    for (let attempt = 0; attempt < 4; attempt++) {
      const [what, op] = pick(this.rng, ops)!;
      const before = read(this.doc);
      const sv = Y.encodeStateVector(this.doc);
      const ds = Y.encodeStateAsUpdate(this.doc, sv); // no structs: just what is deleted
      try {
        op();
      } catch {
        continue; // the operation's own validation said no (no dots left, no note of mine...)
      }
      const update = Y.encodeStateAsUpdate(this.doc, sv);
      if (update.byteLength <= 2) continue;
      return { update, mustAccept: this.inStep(sv, ds) && violations(this.actor, before, read(this.doc)).length === 0, what };
    }
    return undefined;
  }

  private participantOps(): [string, () => void][] {
    const { doc, rng, actor } = this;
    const origin = localOrigin(actor.memberId);
    const notes = [...doc.getMap<Y.Map<unknown>>('notes').entries()].map(([id, n]) => ({ id, author: n instanceof Y.Map ? n.get('authorId') : undefined }));
    const mine = notes.filter((n) => n.author === actor.memberId).map((n) => n.id);
    const stages = [...doc.getMap('stages').keys()];
    const departments = [...doc.getMap('departments').keys()];
    const anyNote = () => pick(rng, notes)?.id ?? 'none';
    const myNote = () => pick(rng, mine) ?? 'none';
    const text = () => `idea ${Math.floor(rng() * 1e6)}`;
    return [
      ['add note', () => addNote(doc, {
        stageId: pick(rng, stages)!, text: text(), kind: pick(rng, KINDS)!, owners: rng() < 0.5 ? [pick(rng, departments)!] : [],
      }, { id: actor.memberId, name: actor.name, department: actor.department }, origin)],
      ['edit own note', () => updateNote(doc, myNote(), rng() < 0.5 ? { text: text() } : { kind: pick(rng, KINDS)!, owners: [pick(rng, departments)!] }, origin)],
      ['move own note', () => moveNote(doc, myNote(), pick(rng, stages)!, Math.floor(rng() * 4), origin)],
      ['delete own note', () => deleteNote(doc, myNote(), origin)],
      ['cast a dot', () => castVote(doc, anyNote(), actor.memberId, origin)],
      ['cast a dot', () => castVote(doc, anyNote(), actor.memberId, origin)],
      ['take a dot back', () => retractVote(doc, anyNote(), actor.memberId, origin)],
      ['propose an owner', () => proposeOwner(doc, anyNote(), actor.memberId, rng() < 0.8 ? pick(rng, departments)! : null, origin)],
    ];
  }

  private facilitatorOps(): [string, () => void][] {
    const { doc, rng, actor } = this;
    const origin = localOrigin(actor.memberId);
    return [
      ['set the phase', () => setPhase(doc, pick(rng, PHASES)!, origin)],
      ['open or close voting', () => setVotingOpen(doc, rng() < 0.7, origin)],
      ['toggle private writing', () => setPrivateWriting(doc, rng() < 0.2, origin)],
      ['write the foreword', () => setBookletText(doc, { key: 'foreword' }, rng() < 0.2 ? '' : `Foreword è ${Math.floor(rng() * 1000)}`, origin)],
      ['set the brand', () => setBrand(doc, { companyName: `Rossi ${Math.floor(rng() * 10)}`, accentColor: rng() < 0.5 ? '#12395B' : '' }, origin)],
    ];
  }
}
