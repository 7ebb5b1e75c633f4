import type * as Y from 'yjs';
import type { Origin } from '../origin.js';
import { NOTE_STATUSES, type NoteStatus } from '../schema/note.js';
import { invalid } from './errors.js';
import { noteEntry } from './owners.js';

/** The facilitator marks a note accepted, parked, or open again. */
export function setNoteStatus(doc: Y.Doc, noteId: string, status: NoteStatus, origin: Origin, now = Date.now()): void {
  const entry = noteEntry(doc, noteId);
  if (!(NOTE_STATUSES as readonly string[]).includes(status)) invalid('unknown-note-status', 'Unknown note status');
  doc.transact(() => {
    entry.set('status', status);
    entry.set('updatedAt', now);
  }, origin);
}
