import type * as Y from 'yjs';
import { ENTITY_ID_PATTERN } from '../ids.js';
import type { Origin } from '../origin.js';
import type { BoardSnapshot } from '../read-board.js';
import { roots, type RecordMap } from '../schema/layout.js';
import { noteMemberKey } from '../schema/note-member-key.js';
import { OWNERS_MAX } from '../schema/note.js';
import { invalid, notFound } from './errors.js';

export function noteEntry(doc: Y.Doc, noteId: string): RecordMap {
  const entry = typeof noteId === 'string' ? roots(doc).notes.get(noteId) : undefined;
  if (!entry) notFound('Note', String(noteId));
  return entry;
}

function checkDepartment(doc: Y.Doc, key: string): void {
  if (typeof key !== 'string' || !roots(doc).departments.has(key)) invalid('not-a-department', `Unknown department ${String(key)}`, { key: String(key) });
}

/**
 * `memberId`'s proposed owner for a note (one per person per note; a new one
 * replaces the old), or `null` to withdraw it.
 */
export function proposeOwner(
  doc: Y.Doc, noteId: string, memberId: string, departmentKey: string | null, origin: Origin,
): void {
  noteEntry(doc, noteId);
  if (typeof memberId !== 'string' || !ENTITY_ID_PATTERN.test(memberId)) invalid('invalid-member-id', 'Member id is not valid');
  if (departmentKey !== null) checkDepartment(doc, departmentKey);
  const key = noteMemberKey(noteId, memberId);
  const { proposals } = roots(doc);
  doc.transact(() => {
    if (departmentKey === null) proposals.delete(key);
    else proposals.set(key, departmentKey);
  }, origin);
}

export interface ConfirmedOwners {
  /** Department key, or '' for none. */
  responsible: string;
  supporting: string[];
}

/**
 * The facilitator's decision on who owns a note. `supporting` is de-duplicated
 * and the responsible department is dropped from it (a department is either
 * responsible or supporting, never both).
 */
export function confirmOwners(
  doc: Y.Doc, noteId: string, owners: ConfirmedOwners, origin: Origin, now = Date.now(),
): void {
  const entry = noteEntry(doc, noteId);
  const { responsible } = owners;
  if (responsible !== '') checkDepartment(doc, responsible);
  if (!Array.isArray(owners.supporting)) invalid('invalid-input', 'supporting must be a list of departments');
  const supporting = [...new Set(owners.supporting)].filter((k) => k !== responsible);
  if (supporting.length > OWNERS_MAX) invalid('too-many-supporting', `At most ${OWNERS_MAX} supporting departments`, { max: OWNERS_MAX });
  for (const key of supporting) checkDepartment(doc, key);
  doc.transact(() => {
    if (entry.get('responsible') !== responsible) entry.set('responsible', responsible);
    entry.set('supporting', supporting);
    entry.set('updatedAt', now);
  }, origin);
}

export interface OwnerCount {
  department: string;
  count: number;
}

/**
 * Who proposes which department as owner of a note: department -> member ids.
 *
 * The rule, the same on every screen: one proposal per person per note, the
 * author included. Everyone's proposal is their entry of `proposals`. The
 * author's pick made while writing the note (its `owners`, which a private
 * draft needs because `proposals` can only name a note on the board) counts
 * as the author's proposal until the author makes one in `proposals`, which
 * replaces it. Tabella writes at most one department into `owners`; a board
 * from before this rule may hold several, each counted once for the author.
 * Departments that no longer exist are left out.
 */
export function ownerProposals(
  snapshot: Pick<BoardSnapshot, 'notesById' | 'proposalsByNote'> & { departments: readonly { key: string }[] }, noteId: string,
): Map<string, Set<string>> {
  const people = new Map<string, Set<string>>();
  const note = snapshot.notesById.get(noteId);
  if (!note) return people;
  const known = new Set(snapshot.departments.map((d) => d.key));
  const add = (department: string, person: string): void => {
    if (!known.has(department)) return;
    let set = people.get(department);
    if (!set) people.set(department, (set = new Set()));
    set.add(person);
  };
  const proposals = snapshot.proposalsByNote.get(noteId);
  if (!proposals?.has(note.authorId)) for (const department of note.owners) add(department, note.authorId);
  for (const [memberId, department] of proposals ?? []) add(department, memberId);
  return people;
}

/**
 * How many people propose each department as owner of a note (ownerProposals),
 * most first, ties in the board's department order.
 */
export function ownerTally(
  snapshot: Pick<BoardSnapshot, 'notesById' | 'proposalsByNote' | 'departments'>, noteId: string,
): OwnerCount[] {
  const rank = new Map(snapshot.departments.map((d, i) => [d.key, i]));
  return [...ownerProposals(snapshot, noteId)]
    .map(([department, set]) => ({ department, count: set.size }))
    .sort((a, b) => b.count - a.count || rank.get(a.department)! - rank.get(b.department)!);
}
