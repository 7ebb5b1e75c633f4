import type * as Y from 'yjs';
import type { Origin } from '../origin.js';
import {
  DISMISSED_DUPLICATES_MAX, duplicatePairKey, readDismissedDuplicates,
} from '../schema/dismissed-duplicates.js';
import { roots } from '../schema/layout.js';
import { invalid, notFound } from './errors.js';

/**
 * The facilitator's "Not duplicates" on a suggested pair: its key joins
 * `session.dismissedDuplicates`, so no screen suggests the pair again. One
 * transaction (one undo step). Keys whose notes are gone (merged, deleted) are
 * dropped as the list is rewritten, and past DISMISSED_DUPLICATES_MAX the
 * oldest keys go first; a malformed list is replaced. The value is a plain
 * array replaced as a whole (like every session field): two facilitators
 * dismissing at the same instant can lose one of the two, which then simply
 * shows again.
 */
export function dismissDuplicate(doc: Y.Doc, noteA: string, noteB: string, origin: Origin): string {
  const { notes, session } = roots(doc);
  if (noteA === noteB) invalid('invalid-input', 'A pair needs two different notes');
  for (const id of [noteA, noteB]) if (typeof id !== 'string' || !notes.has(id)) notFound('Note', String(id));
  const key = duplicatePairKey(noteA, noteB);
  const read = readDismissedDuplicates(session.get('dismissedDuplicates') ?? []);
  const kept = ('value' in read ? read.value : []).filter((k) => {
    const [a, b] = k.split('|');
    return k !== key && notes.has(a!) && notes.has(b!);
  });
  const next = [...kept, key].slice(-DISMISSED_DUPLICATES_MAX);
  doc.transact(() => session.set('dismissedDuplicates', next), origin);
  return key;
}
