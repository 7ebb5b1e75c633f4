import * as Y from 'yjs';
import { describe, expect, it } from 'vitest';
import {
  addNote, createUndoManager, initializeBoard, localOrigin, moveNote, readBoard, remoteOrigin, removeSegment,
  setTitle, updateNote,
} from '../../shared/src/index.js';
import { ALICE, me, system, sync } from './helpers.js';

/** `localWins`: our client id is higher, so our write wins a concurrent map write. */
function setup(localWins = true) {
  const doc = new Y.Doc();
  doc.clientID = localWins ? 2 : 1;
  // Created first, so it sees the system's template transaction too.
  const undo = createUndoManager(doc, me);
  initializeBoard(doc, { title: 'W', template: 'vision-workshop', language: 'it' }, system, 1);
  const peer = new Y.Doc();
  peer.clientID = localWins ? 1 : 2;
  sync(doc, peer);
  const stageId = readBoard(doc).segments[0]!.stages[0]!.id;
  return { doc, peer, stageId, undo };
}

describe('createUndoManager', () => {
  it('does not track the template set up by the system', () => {
    const { undo } = setup();
    expect(undo.canUndo()).toBe(false);
  });

  it('undoes and redoes the local user’s own op', () => {
    const { doc, stageId, undo } = setup();
    const id = addNote(doc, { stageId, text: 'mine' }, ALICE, me);
    expect(undo.canUndo()).toBe(true);
    undo.undo();
    expect(readBoard(doc).notesById.has(id)).toBe(false);
    undo.redo();
    expect(readBoard(doc).notesById.get(id)!.text).toBe('mine');
  });

  it('never undoes a remote peer’s change applied with a remote origin', () => {
    const { doc, peer, stageId, undo } = setup();
    const mine = addNote(doc, { stageId, text: 'mine' }, ALICE, me);
    undo.stopCapturing();
    const theirs = addNote(peer, { stageId, text: 'theirs' }, { id: 'bob', name: 'Bob', department: '' }, localOrigin('bob'));
    sync(peer, doc, remoteOrigin('peer'));
    expect(readBoard(doc).notesById.has(theirs)).toBe(true);

    undo.undo();
    let board = readBoard(doc);
    expect(board.notesById.has(mine)).toBe(false);
    expect(board.notesById.get(theirs)!.text).toBe('theirs');
    expect(undo.canUndo()).toBe(false);

    undo.redo();
    board = readBoard(doc);
    expect(board.notesById.has(mine)).toBe(true);
    expect(board.notesById.has(theirs)).toBe(true);
  });

  it.each([true, false])('undo of a field edit keeps a remote edit of another field of the same note (local wins: %s)', (localWins) => {
    const { doc, peer, stageId, undo } = setup(localWins);
    const id = addNote(doc, { stageId, text: 'v1' }, ALICE, me);
    sync(doc, peer);
    undo.stopCapturing();
    updateNote(doc, id, { text: 'v2' }, me);
    updateNote(peer, id, { owners: ['sales'] }, localOrigin('bob'));
    sync(peer, doc, remoteOrigin('peer'));
    undo.undo();
    const board = readBoard(doc);
    expect(board.problems).toEqual([]);
    expect(board.notesById.get(id)).toMatchObject({ text: 'v1', owners: ['sales'] });
  });

  it.each([true, false])('undo after concurrent moves of the same note never loses the note (local wins: %s)', (localWins) => {
    const { doc, peer, undo } = setup(localWins);
    const stages = readBoard(doc).segments[0]!.stages.map((s) => s.id);
    // Added by the system so the move is the only step on the undo stack.
    const id = addNote(doc, { stageId: stages[0]! }, ALICE, system);
    sync(doc, peer);
    moveNote(doc, id, stages[1]!, 0, me);
    moveNote(peer, id, stages[2]!, 0, localOrigin('bob'));
    sync(peer, doc, remoteOrigin('peer'));
    sync(doc, peer, remoteOrigin('doc'));
    const check = () => {
      sync(doc, peer, remoteOrigin('doc'));
      for (const d of [doc, peer]) {
        const board = readBoard(d);
        expect(board.problems).toEqual([]);
        expect(stages).toContain(board.notesById.get(id)!.stageId);
        expect(board.orphanNotes).toEqual([]);
      }
    };
    undo.undo();
    check();
    undo.redo();
    check();
  });

  it.each([true, false])('undo of a title edit raced by a remote title edit keeps a title (local wins: %s)', (localWins) => {
    const { doc, peer, undo } = setup(localWins);
    setTitle(doc, 'Mine', me);
    setTitle(peer, 'Theirs', localOrigin('bob'));
    sync(peer, doc, remoteOrigin('peer'));
    undo.undo();
    const board = readBoard(doc);
    expect(board.problems).toEqual([]);
    expect(['W', 'Mine', 'Theirs']).toContain(board.meta.title);
  });

  it('tracks exactly the given origin object, not another equal-looking one', () => {
    const { doc, stageId, undo } = setup();
    addNote(doc, { stageId }, ALICE, localOrigin('alice'));
    expect(undo.canUndo()).toBe(false);
  });

  it('undoes a cascading removeSegment as one step', () => {
    const { doc, stageId, undo } = setup();
    const note = addNote(doc, { stageId }, ALICE, system);
    const before = readBoard(doc);
    removeSegment(doc, before.segments[0]!.id, me);
    expect(readBoard(doc).segments).toHaveLength(2);
    undo.undo();
    const after = readBoard(doc);
    expect(after.segments.map((s) => s.name)).toEqual(before.segments.map((s) => s.name));
    expect(after.segments[0]!.stages.map((s) => s.name)).toEqual(before.segments[0]!.stages.map((s) => s.name));
    expect([...after.notesById.values()].map((n) => n.text)).toEqual([before.notesById.get(note)!.text]);
    expect(after.problems).toEqual([]);
  });
});
