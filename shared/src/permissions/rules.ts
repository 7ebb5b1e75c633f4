import type * as Y from 'yjs';
import { voteCountsFromDoc } from '../ops/voting.js';
import type { Role } from '../protocol.js';
import { ROOT, roots, type RecordMap } from '../schema/layout.js';
import { bookletEntryProblem } from '../schema/booklet.js';
import { brandEntryProblem, LOGO_KEYS } from '../schema/brand.js';
import { readNote, type NoteFacilitation, type NoteRecord } from '../schema/note.js';
import { parseNoteMemberKey } from '../schema/note-member-key.js';
import { readProposal } from '../schema/proposal.js';
import { readSession, type Voting } from '../schema/session.js';
import { readVoteCount } from '../schema/vote.js';
import type { Change } from './effect.js';
import { mayEditNote, rightsOf, type Rights } from './rights.js';

/** Who sent an update, as the server knows them (never as the client claims). */
export interface Actor {
  role: Role;
  memberId: string;
  name: string;
  department: string;
}

/**
 * Rule ids (see docs/security.md); every refusal names one. The texts are
 * English for logs; the client words each id itself (i18n `rules.<id>`).
 * tests/unit/security-rules.test.ts ties the ids to the document and to the
 * tests that enforce them.
 */
export const RULES = {
  R1: 'viewers cannot change the board',
  R2: 'only the facilitator can change the board structure, settings, phase or timer',
  R3: 'only the server writes the members list',
  R4: 'you can only edit, move or delete your own notes',
  R5: 'notes are signed with your own name',
  R6: 'this phase does not allow that',
  R7: 'private writing is on: your notes stay private until the facilitator reveals them',
  R8: 'you can only vote or propose owners for yourself',
  R9: 'not a valid note',
  R10: 'no dots left, or the limit per note is reached',
  R11: 'that change is not part of the board layout',
  R12: 'only the facilitator can set status and confirmed owners',
  R13: 'only the server writes the logo: upload it as an image',
} as const;
export type RuleId = keyof typeof RULES;

/**
 * R11 refusals an honest person can meet (docs/security.md, "Limits"): each
 * is worded on its own (i18n `limits.<id>`), since the rule's text would not
 * tell them what happened.
 */
export const WRITE_LIMITS = ['update-too-large', 'person-quota', 'board-nearly-full', 'too-many-refusals'] as const;
export type WriteLimit = (typeof WRITE_LIMITS)[number];

/** `missing`: refused only because it builds on changes the server does not have (yet). */
export type Verdict = { ok: true } | { ok: false; rule: RuleId; reason: string; limit?: WriteLimit; missing?: true };

const OK: Verdict = { ok: true };
const refuse = (rule: RuleId, detail?: string): Verdict => ({
  ok: false,
  rule,
  reason: detail ? `${RULES[rule]} (${detail})` : RULES[rule],
});

/** Roots a facilitator may write: every root of the layout but `members`, which is the server's alone. */
const FACILITATOR_ROOTS = new Set<string>(Object.values(ROOT).filter((root) => root !== ROOT.members));

/** Note fields a participant may change on their own note. */
const PARTICIPANT_NOTE_FIELDS = new Set(['text', 'kind', 'stageId', 'order', 'owners', 'updatedAt']);
/** Every field a note may have (docs/board-schema.md); a participant writes no other. */
const NOTE_FIELDS = new Set<string>([
  'stageId', 'order', 'text', 'kind', 'authorId', 'authorName', 'authorDepartment', 'owners', 'createdAt', 'updatedAt',
  'status', 'responsible', 'supporting', 'merged',
] satisfies (keyof NoteRecord | keyof NoteFacilitation)[]);
/** Facilitator-only note fields, which must keep their defaults when a participant creates a note. */
const FACILITATOR_NOTE_DEFAULTS: Record<string, (v: unknown) => boolean> = {
  status: (v) => v === undefined || v === 'open',
  responsible: (v) => v === undefined || v === '',
  supporting: (v) => v === undefined || (Array.isArray(v) && v.length === 0),
  merged: (v) => v === undefined || (Array.isArray(v) && v.length === 0),
};

/**
 * Judges the effect of one update (from `readEffect`) for `actor`. `before`
 * is the board as it was, `after` the board as the update left it (the
 * staging replica): who may do what is read from `before` (rightsOf its
 * session, authors, limits), what the result must look like from `after`.
 * Pure: reads, writes nothing. The server applies an update only if this says ok.
 */
export function checkChanges(before: Y.Doc, after: Y.Doc, actor: Actor, changes: readonly Change[]): Verdict {
  if (changes.length === 0) return OK;
  // Read as every screen reads it: a malformed value counts as its default.
  const session = readSession(roots(before).session, []);
  const rights = rightsOf(actor.role, session, actor.memberId);
  if (!rights.change) return refuse('R1');
  for (const c of changes) {
    if (c.kind === 'unsupported') return refuse('R11', c.detail);
    if (c.root === ROOT.members) return refuse('R3');
  }
  if (rights.facilitate) {
    for (const c of changes) {
      if (c.kind === 'unsupported') continue;
      if (!FACILITATOR_ROOTS.has(c.root)) return refuse('R11', `unknown root ${c.root}`);
      const verdict = checkDeliverableEntry(c);
      if (!verdict.ok) return verdict;
    }
    return OK;
  }
  return checkParticipant(before, after, actor, rights, session.voting, changes);
}

/**
 * The deliverables' roots hold plain values: texts within their limits, the
 * brand's name and colour; the logo is the server's alone (it decoded it).
 */
function checkDeliverableEntry(c: Exclude<Change, { kind: 'unsupported' }>): Verdict {
  if (c.root !== ROOT.booklet && c.root !== ROOT.brand) return OK;
  if (c.root === ROOT.brand && LOGO_KEYS.includes(c.key)) return refuse('R13');
  if (c.kind === 'entry-delete' || c.kind === 'touch') return OK;
  if (c.kind !== 'entry' || c.isMap) return refuse('R11', `${c.root}/${c.key.slice(0, 40)} holds plain values only`);
  const problem = c.root === ROOT.booklet ? bookletEntryProblem(c.key, c.value) : brandEntryProblem(c.key, c.value);
  return problem ? refuse('R11', problem) : OK;
}

function checkParticipant(
  before: Y.Doc, after: Y.Doc, actor: Actor, rights: Rights, voting: Voting | null, changes: readonly Change[],
): Verdict {
  const byNote = new Map<string, Change[]>();
  const voteChanges: Change[] = [];
  for (const c of changes) {
    if (c.kind === 'unsupported') continue;
    if (c.root === ROOT.notes) {
      const list = byNote.get(c.key);
      if (list) list.push(c);
      else byNote.set(c.key, [c]);
    } else if (c.root === ROOT.votes || c.root === ROOT.proposals) {
      voteChanges.push(c);
    } else {
      return refuse('R2');
    }
  }
  const deletedNotes = new Set<string>();
  for (const [key, list] of byNote) {
    const verdict = checkNote(before, after, actor, rights, key, list);
    if (!verdict.ok) return verdict;
    if (list.some((c) => c.kind === 'entry-delete')) deletedNotes.add(key);
  }
  if (voteChanges.length > 0) {
    return checkVotesAndProposals(before, after, actor, rights, voting, voteChanges, deletedNotes);
  }
  return OK;
}

function checkNote(before: Y.Doc, after: Y.Doc, actor: Actor, rights: Rights, key: string, list: Change[]): Verdict {
  const existing = roots(before).notes.get(key);
  const created = list.find((c): c is Extract<Change, { kind: 'entry' }> => c.kind === 'entry');
  if (created) {
    if (existing) return refuse('R4', 'a note cannot be replaced');
    if (!rights.writeNotes) return refuse('R6');
    if (rights.drafting) return refuse('R7');
    if (!created.isMap) return refuse('R9');
    return checkNewNote(after, actor, created.fields);
  }
  // Writes into a note that is gone, or a tombstone at a free key: only its author could, and
  // nobody can tell who that was any more. (Writes into a deleted note's own map never get here:
  // Yjs discards them, and they change nothing anyone reads.)
  if (!existing) return refuse('R4', 'not a note of yours');
  const authorId = existing.get('authorId');
  if (authorId !== actor.memberId) return refuse('R4');
  const mayEdit = mayEditNote(rights, authorId);
  if (list.some((c) => c.kind === 'entry-delete')) return mayEdit ? OK : refuse('R6'); // deleting one's own note
  if (list.every((c) => c.kind === 'touch')) return OK; // a lost concurrent write to one's own note
  if (!mayEdit) return refuse('R6');
  for (const c of list) {
    if ((c.kind === 'field' || c.kind === 'field-delete' || c.kind === 'touch') && c.field !== null && !PARTICIPANT_NOTE_FIELDS.has(c.field)) {
      return refuse(c.field.startsWith('author') || c.field === 'createdAt' ? 'R5' : NOTE_FIELDS.has(c.field) ? 'R12' : 'R9', c.field);
    }
    if (c.kind === 'touch' && c.field === null) return refuse('R4', 'a note cannot be replaced');
  }
  const now = roots(after).notes.get(key);
  return now ? validNote(after, (f) => now.get(f)) : refuse('R9');
}

/** A new note must be signed by its sender, carry only note fields, keep facilitator fields at their defaults, and be valid. */
function checkNewNote(after: Y.Doc, actor: Actor, fields: ReadonlyMap<string, unknown>): Verdict {
  if (fields.get('authorId') !== actor.memberId || fields.get('authorName') !== actor.name
    || (fields.get('authorDepartment') ?? '') !== actor.department) {
    return refuse('R5');
  }
  for (const field of fields.keys()) if (!NOTE_FIELDS.has(field)) return refuse('R9', `unknown field ${field.slice(0, 40)}`);
  for (const [field, isDefault] of Object.entries(FACILITATOR_NOTE_DEFAULTS)) {
    if (!isDefault(fields.get(field))) return refuse('R12');
  }
  return validNote(after, (f) => fields.get(f));
}

/** The note as it reads after the change must pass the record validator and sit in a real stage. */
function validNote(after: Y.Doc, get: (field: string) => unknown): Verdict {
  const read = readNote({ get } as unknown as RecordMap);
  if ('errors' in read) return refuse('R9', read.errors.join('; '));
  if (!roots(after).stages.has(read.value.stageId)) return refuse('R9', 'unknown stage');
  return OK;
}

/** Keys are `${noteId}:${memberId}` (note-member-key.ts); a participant writes only keys ending with their own id. */
function checkVotesAndProposals(
  before: Y.Doc, after: Y.Doc, actor: Actor, rights: Rights, voting: Voting | null, changes: Change[],
  deletedNotes: ReadonlySet<string>,
): Verdict {
  const { notes, departments } = roots(after);
  let votesTouched = false;
  for (const c of changes) {
    if (c.kind !== 'entry' && c.kind !== 'entry-delete' && c.kind !== 'touch') return refuse('R11');
    const parts = parseNoteMemberKey(c.key);
    if (!parts) return refuse('R8');
    // Deleting one's own note takes everyone's dots and proposals on it along
    // (checked above as the author's delete); so does tidying traces of a note that is gone.
    if (c.kind === 'entry-delete' && (deletedNotes.has(parts.noteId) || !notes.has(parts.noteId))) continue;
    if (parts.memberId !== actor.memberId) return refuse('R8');
    if (c.kind === 'touch') continue; // a lost concurrent write to one's own key
    if (c.root === ROOT.votes) {
      if (!rights.vote) return refuse('R6');
      votesTouched = true;
      if (c.kind === 'entry') {
        if ('errors' in readVoteCount(c.value)) return refuse('R9', 'a vote is a positive whole number');
        if (!notes.has(parts.noteId)) return refuse('R9', 'unknown note');
      }
    } else {
      if (!rights.propose) return refuse('R6');
      if (c.kind === 'entry') {
        const department = readProposal(c.value);
        if ('errors' in department || !departments.has(department.value)) return refuse('R9', 'unknown department');
        if (!notes.has(parts.noteId)) return refuse('R9', 'unknown note');
      }
    }
  }
  if (!votesTouched || !voting) return OK;
  // The dots the sender holds after the change, counted as readers count them
  // (read-board.ts: dots on notes that no longer exist are free again). More
  // than allowed is refused only if the change adds dots: someone over a limit
  // the facilitator lowered may still take dots back.
  const was = ownDots(before, actor.memberId);
  const now = ownDots(after, actor.memberId);
  if (now.total > voting.votesPerPerson && now.total > was.total) return refuse('R10');
  if (voting.capPerNote !== null) {
    for (const [noteId, count] of now.perNote) {
      if (count > voting.capPerNote && count > (was.perNote.get(noteId) ?? 0)) return refuse('R10');
    }
  }
  return OK;
}

function ownDots(doc: Y.Doc, memberId: string): { total: number; perNote: Map<string, number> } {
  const perNote = new Map<string, number>();
  let total = 0;
  for (const [noteId, byMember] of voteCountsFromDoc(doc)) {
    const count = byMember.get(memberId);
    if (count === undefined) continue;
    perNote.set(noteId, count);
    total += count;
  }
  return { total, perNote };
}

/** A member's private drafts doc: they may do anything to notes in it, with note fields only, and nothing else. */
export function checkDraftChanges(changes: readonly Change[]): Verdict {
  for (const c of changes) {
    if (c.kind === 'unsupported') return refuse('R11', c.detail);
    if (c.root !== ROOT.notes) return refuse('R11', `drafts hold notes only, not ${c.root}`);
    if (c.kind === 'entry') {
      for (const field of c.fields.keys()) if (!NOTE_FIELDS.has(field)) return refuse('R9', `unknown field ${field.slice(0, 40)}`);
    }
    if ((c.kind === 'field' || c.kind === 'touch') && c.field !== null && !NOTE_FIELDS.has(c.field)) {
      return refuse('R9', `unknown field ${c.field.slice(0, 40)}`);
    }
  }
  return OK;
}
