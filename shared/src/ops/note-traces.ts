import type * as Y from 'yjs';
import { roots } from '../schema/layout.js';
import { parseNoteMemberKey } from '../schema/note-member-key.js';

/**
 * Deletes the votes and owner proposals of notes that are being removed. Call
 * inside the removing op's transaction, so undo brings note, dots and
 * proposals back together.
 */
export function deleteNoteTraces(doc: Y.Doc, noteIds: ReadonlySet<string>): void {
  if (noteIds.size === 0) return;
  const { votes, proposals } = roots(doc);
  for (const map of [votes, proposals]) {
    for (const key of [...map.keys()]) {
      const parsed = parseNoteMemberKey(key);
      if (parsed && noteIds.has(parsed.noteId)) map.delete(key);
    }
  }
}
