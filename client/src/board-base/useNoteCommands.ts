import { useMemo } from 'react';
import type * as Y from 'yjs';
import {
  addDraft, addNote, deleteNote, localOrigin, moveDraft, moveNote, updateNote, type Author,
} from '../../../shared/src/index.js';
import type { BoardActions, NoteCommands } from './BoardContext.js';

/**
 * Note actions routed to the right doc: the board, or this person's drafts doc
 * for their drafts. `run` turns errors into a toast; it is reused for drafts
 * with the drafts doc and an origin of its own (board undo never reaches drafts).
 */
export function useNoteCommands({ run, draftsDoc, draftIds, author, boardCount }: {
  run: BoardActions['run'];
  /** Board notes in a stage: drafts are drawn after them, so a drop index counts them too. */
  boardCount: (stageId: string) => number;
  /** Present while our new notes are private drafts. */
  draftsDoc: Y.Doc | undefined;
  draftIds: ReadonlySet<string>;
  author: Author;
}): NoteCommands {
  return useMemo(() => {
    const draftOrigin = localOrigin(`${author.id}`);
    const onDraft = (id: string) => draftsDoc !== undefined && draftIds.has(id);
    // Drafts are checked against the board doc (stages, departments) and written to the drafts doc.
    const runDraft = <T,>(op: (drafts: Y.Doc, board: Y.Doc) => T) =>
      (draftsDoc ? run((board) => op(draftsDoc, board)) : undefined);
    return {
      add: (stageId, text, kind) => draftsDoc
        ? runDraft((drafts, board) => addDraft(drafts, board, { stageId, text, kind }, author, draftOrigin))
        : run((d, o) => addNote(d, { stageId, text, kind }, author, o)),
      update: (id, patch) => {
        if (onDraft(id)) runDraft((d) => updateNote(d, id, patch, draftOrigin));
        else run((d, o) => updateNote(d, id, patch, o));
      },
      move: (id, stageId, index) => {
        if (onDraft(id)) {
          runDraft((drafts, board) => moveDraft(drafts, board, id, stageId, index - boardCount(stageId), draftOrigin));
        }
        else run((d, o) => moveNote(d, id, stageId, index, o));
      },
      remove: (id) => {
        if (onDraft(id)) runDraft((d) => deleteNote(d, id, draftOrigin));
        else run((d, o) => deleteNote(d, id, o));
      },
    };
  }, [run, draftsDoc, draftIds, author, boardCount]);
}
