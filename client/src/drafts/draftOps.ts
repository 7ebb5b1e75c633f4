import type * as Y from 'yjs';
import {
  AUTHOR_NAME_MAX, NOTE_TEXT_MAX, cleanText, newEntityId, notFound, roots, toRecordMap,
  type Author, type NoteRecord, type Origin,
} from '../../../shared/src/index.js';

/**
 * Private-writing drafts live in a second Y.Doc (room `<boardId>/private`) with
 * the board's `notes` layout but no `stages`: the server keeps only this
 * person's drafts there and moves them to the board on reveal.
 *
 * shared's addNote/moveNote check that the stage exists *in the doc they write
 * to*, which is never true here, so adding and moving a draft are written here
 * with the same record shape (NoteRecord). updateNote/deleteNote from shared
 * work unchanged on the drafts doc. Reading uses the shared BoardReader: drafts
 * come out as notes whose stage is unknown to that doc.
 */

function lastDraftOrder(doc: Y.Doc, stageId: string): number {
  let max = 0;
  roots(doc).notes.forEach((entry) => {
    const order = entry.get('order');
    if (entry.get('stageId') === stageId && typeof order === 'number') max = Math.max(max, order);
  });
  return max;
}

export function addDraft(
  doc: Y.Doc, input: { stageId: string; text: string }, author: Author, origin: Origin, now = Date.now(),
): string {
  const id = newEntityId();
  // Facilitator-only fields (status, owners confirmed, merges) start absent = defaults.
  const record = {
    stageId: input.stageId,
    order: lastDraftOrder(doc, input.stageId) + 1,
    text: cleanText(input.text, 'Note text', NOTE_TEXT_MAX),
    kind: 'action',
    authorId: author.id,
    authorName: cleanText(author.name, 'Name', AUTHOR_NAME_MAX),
    authorDepartment: author.department,
    owners: [],
    createdAt: now,
    updatedAt: now,
  } satisfies Omit<NoteRecord, 'status' | 'responsible' | 'supporting' | 'merged'>;
  doc.transact(() => roots(doc).notes.set(id, toRecordMap({ ...record })), origin);
  return id;
}

/** Moves a draft to the end of another stage's drafts. */
export function moveDraft(doc: Y.Doc, id: string, stageId: string, origin: Origin, now = Date.now()): void {
  const entry = roots(doc).notes.get(id);
  if (!entry) notFound('Note', id);
  if (entry.get('stageId') === stageId) return;
  const order = lastDraftOrder(doc, stageId) + 1;
  doc.transact(() => {
    entry.set('stageId', stageId);
    entry.set('order', order);
    entry.set('updatedAt', now);
  }, origin);
}
