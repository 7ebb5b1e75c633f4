import type * as Y from 'yjs';
import type { Origin } from '../origin.js';
import { roots, type RecordMap } from '../schema/layout.js';
import { noteMemberKey, parseNoteMemberKey } from '../schema/note-member-key.js';
import { MERGED_MAX, readNote, type MergedNote, type StoredNote } from '../schema/note.js';
import { readVoteCount } from '../schema/vote.js';
import { invalid, notFound } from './errors.js';

function readValid(doc: Y.Doc, id: string): { entry: RecordMap; note: StoredNote } {
  const entry = typeof id === 'string' ? roots(doc).notes.get(id) : undefined;
  if (!entry || typeof entry.get !== 'function') notFound('Note', String(id));
  const read = readNote(entry);
  if ('errors' in read) invalid('note-malformed', `Note ${id} is malformed: ${read.errors.join('; ')}`, { id });
  return { entry, note: read.value };
}

/**
 * Merges duplicate notes into `targetId`, losing nothing:
 * - the target's `merged` gains each source (its text, kind and author) followed
 *   by the notes that had been merged into that source;
 * - every member's dots on the sources move onto the target, summed per member
 *   (caps are not enforced: dots already spent are never taken away);
 * - a member's owner proposal on a source moves to the target unless that
 *   member already has one there (the target's, or an earlier source's, wins);
 * - a source author's own pick (the source's `owners`, see ownerTally) becomes
 *   that author's proposal on the target unless they already have one there,
 *   so it keeps counting for its author; the target's `owners` stay its own
 *   author's;
 * - the sources are deleted.
 * The target keeps its own text, status and confirmed owners: a source's
 * confirmed owners and status are not carried over (the facilitator confirms
 * the merged note). All in one transaction, so one undo step restores it all.
 */
export function mergeNotes(
  doc: Y.Doc, targetId: string, sourceIds: readonly string[], origin: Origin, now = Date.now(),
): void {
  if (!Array.isArray(sourceIds) || sourceIds.length === 0) invalid('merge-nothing', 'Pick at least one note to merge');
  if (new Set(sourceIds).size !== sourceIds.length) invalid('merge-repeated', 'A note is listed twice');
  if (sourceIds.includes(targetId)) invalid('merge-into-itself', 'A note cannot be merged into itself');
  const target = readValid(doc, targetId);
  const sources = sourceIds.map((id) => ({ id, ...readValid(doc, id) }));

  const merged: MergedNote[] = [...target.note.merged];
  for (const { id, note } of sources) {
    merged.push({
      id, text: note.text, kind: note.kind, authorId: note.authorId, authorName: note.authorName,
      authorDepartment: note.authorDepartment,
    });
    merged.push(...note.merged);
  }
  if (merged.length > MERGED_MAX) invalid('too-many-merged', `A note can hold at most ${MERGED_MAX} merged notes`, { max: MERGED_MAX });

  const { notes, votes, proposals, departments } = roots(doc);
  const sourceSet = new Set(sourceIds);
  doc.transact(() => {
    // Collected first: the loop writes to the map it would be iterating.
    for (const [key, value] of [...votes.entries()]) {
      const parsed = parseNoteMemberKey(key);
      if (!parsed || !sourceSet.has(parsed.noteId)) continue;
      votes.delete(key);
      const moved = readVoteCount(value);
      if (!('value' in moved)) continue;
      const targetKey = noteMemberKey(targetId, parsed.memberId);
      const there = readVoteCount(votes.get(targetKey));
      votes.set(targetKey, ('value' in there ? there.value : 0) + moved.value);
    }
    // In source order, so "an earlier source wins" is deterministic.
    const bySource = new Map<string, [string, unknown][]>();
    proposals.forEach((value, key) => {
      const parsed = parseNoteMemberKey(key);
      if (parsed && sourceSet.has(parsed.noteId)) {
        const list = bySource.get(parsed.noteId) ?? [];
        list.push([key, value]);
        bySource.set(parsed.noteId, list);
      }
    });
    for (const id of sourceIds) {
      for (const [key, value] of bySource.get(id) ?? []) {
        proposals.delete(key);
        const targetKey = noteMemberKey(targetId, parseNoteMemberKey(key)!.memberId);
        if (!proposals.has(targetKey)) proposals.set(targetKey, value);
      }
    }
    // After the moves above: a proposal made in `proposals` replaces its author's pick.
    for (const { note } of sources) {
      const pick = note.owners.find((key) => departments.has(key));
      const key = noteMemberKey(targetId, note.authorId);
      const targetAuthorPicked = note.authorId === target.note.authorId && target.note.owners.length > 0;
      if (pick && !targetAuthorPicked && !proposals.has(key)) proposals.set(key, pick);
    }
    target.entry.set('merged', merged);
    target.entry.set('updatedAt', now);
    for (const id of sourceIds) notes.delete(id);
  }, origin);
}
