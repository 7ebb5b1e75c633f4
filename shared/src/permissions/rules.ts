import type * as Y from 'yjs';
import { DEPARTMENT_KEY_PATTERN } from '../ids.js';
import { PHASE_ABILITIES, isPhase, type Phase } from '../phases.js';
import type { Role } from '../protocol.js';
import { ROOT, type RecordMap } from '../schema/layout.js';
import { readNote, type NoteFacilitation, type NoteRecord } from '../schema/note.js';
import type { Change } from './effect.js';

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
} as const;
export type RuleId = keyof typeof RULES;

/**
 * R11 refusals an honest person can meet (docs/security.md, "Limits"): each
 * is worded on its own (i18n `limits.<id>`), since the rule's text would not
 * tell them what happened.
 */
export const WRITE_LIMITS = ['update-too-large', 'person-quota', 'board-nearly-full', 'too-many-refusals'] as const;
export type WriteLimit = (typeof WRITE_LIMITS)[number];

export type Verdict = { ok: true } | { ok: false; rule: RuleId; reason: string; limit?: WriteLimit };

const OK: Verdict = { ok: true };
const refuse = (rule: RuleId, detail?: string): Verdict => ({
  ok: false,
  rule,
  reason: detail ? `${RULES[rule]} (${detail})` : RULES[rule],
});

/** Roots a facilitator may write. `members` is the server's alone. */
const FACILITATOR_ROOTS = new Set<string>([
  ROOT.meta, ROOT.segments, ROOT.stages, ROOT.departments, ROOT.notes,
  'session', 'groups', 'votes', 'proposals', 'commitments', 'feedback',
]);

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
 * staging replica): who may do what is read from `before` (authors, phase,
 * limits), what the result must look like from `after`. Pure: reads, writes
 * nothing. The server applies an update only if this says ok.
 */
export function checkChanges(before: Y.Doc, after: Y.Doc, actor: Actor, changes: readonly Change[]): Verdict {
  if (changes.length === 0) return OK;
  if (actor.role === 'viewer') return refuse('R1');
  for (const c of changes) {
    if (c.kind === 'unsupported') return refuse('R11', c.detail);
    if (c.root === 'members') return refuse('R3');
  }
  if (actor.role === 'facilitator') {
    for (const c of changes) {
      if (c.kind !== 'unsupported' && !FACILITATOR_ROOTS.has(c.root)) return refuse('R11', `unknown root ${c.root}`);
    }
    return OK;
  }
  return checkParticipant(before, after, actor, changes);
}

function sessionState(doc: Y.Doc): { phase: Phase; privateWriting: boolean; voting: { open: boolean; votesPerPerson: number; capPerNote: number | null } | undefined } {
  const session = doc.getMap<unknown>('session');
  const rawPhase = session.get('phase');
  const voting = session.get('voting') as { open?: unknown; votesPerPerson?: unknown; capPerNote?: unknown } | undefined;
  return {
    phase: isPhase(rawPhase) ? rawPhase : 'brainstorm',
    privateWriting: session.get('privateWriting') === true,
    voting:
      voting && typeof voting === 'object' && typeof voting.votesPerPerson === 'number'
        ? {
            open: voting.open === true,
            votesPerPerson: voting.votesPerPerson,
            capPerNote: typeof voting.capPerNote === 'number' ? voting.capPerNote : null,
          }
        : undefined,
  };
}

function checkParticipant(before: Y.Doc, after: Y.Doc, actor: Actor, changes: readonly Change[]): Verdict {
  const session = sessionState(before);
  const abilities = PHASE_ABILITIES[session.phase];
  const byNote = new Map<string, Change[]>();
  const voteChanges: Change[] = [];
  for (const c of changes) {
    if (c.kind === 'unsupported') continue;
    if (c.root === ROOT.notes) {
      const list = byNote.get(c.key);
      if (list) list.push(c);
      else byNote.set(c.key, [c]);
    } else if (c.root === 'votes' || c.root === 'proposals') {
      voteChanges.push(c);
    } else {
      return refuse('R2');
    }
  }
  const deletedNotes = new Set<string>();
  for (const [key, list] of byNote) {
    const verdict = checkNote(before, after, actor, key, list, abilities.writeNotes, session.privateWriting);
    if (!verdict.ok) return verdict;
    if (list.some((c) => c.kind === 'entry-delete')) deletedNotes.add(key);
  }
  if (voteChanges.length > 0) {
    return checkVotesAndProposals(before, after, actor, voteChanges, abilities, session.voting, deletedNotes);
  }
  return OK;
}

function checkNote(
  before: Y.Doc, after: Y.Doc, actor: Actor, key: string, list: Change[],
  mayWrite: boolean, privateWriting: boolean,
): Verdict {
  const existing = before.getMap<RecordMap>(ROOT.notes).get(key);
  const created = list.find((c): c is Extract<Change, { kind: 'entry' }> => c.kind === 'entry');
  if (created) {
    if (existing) return refuse('R4', 'a note cannot be replaced');
    if (!mayWrite) return refuse('R6');
    if (privateWriting) return refuse('R7');
    if (!created.isMap) return refuse('R9');
    return checkNewNote(after, actor, created.fields);
  }
  // Writes into a note that is gone, or a tombstone at a free key: only its author could, and
  // nobody can tell who that was any more. (Writes into a deleted note's own map never get here:
  // Yjs discards them, and they change nothing anyone reads.)
  if (!existing) return refuse('R4', 'not a note of yours');
  if (existing.get('authorId') !== actor.memberId) return refuse('R4');
  if (list.some((c) => c.kind === 'entry-delete')) return mayWrite ? OK : refuse('R6'); // deleting one's own note
  if (list.every((c) => c.kind === 'touch')) return OK; // a lost concurrent write to one's own note
  if (!mayWrite) return refuse('R6');
  for (const c of list) {
    if ((c.kind === 'field' || c.kind === 'field-delete' || c.kind === 'touch') && c.field !== null && !PARTICIPANT_NOTE_FIELDS.has(c.field)) {
      return refuse(c.field.startsWith('author') || c.field === 'createdAt' ? 'R5' : NOTE_FIELDS.has(c.field) ? 'R12' : 'R9', c.field);
    }
    if (c.kind === 'touch' && c.field === null) return refuse('R4', 'a note cannot be replaced');
  }
  const now = after.getMap<RecordMap>(ROOT.notes).get(key);
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
  if (!after.getMap(ROOT.stages).has(read.value.stageId)) return refuse('R9', 'unknown stage');
  return OK;
}

/** Keys are `${noteId}:${memberId}`; a participant writes only keys ending with their own id. */
function splitKey(key: string): { noteId: string; memberId: string } | undefined {
  const i = key.lastIndexOf(':');
  return i > 0 ? { noteId: key.slice(0, i), memberId: key.slice(i + 1) } : undefined;
}

function checkVotesAndProposals(
  before: Y.Doc, after: Y.Doc, actor: Actor, changes: Change[],
  abilities: { vote: boolean; propose: boolean },
  voting: { open: boolean; votesPerPerson: number; capPerNote: number | null } | undefined,
  deletedNotes: ReadonlySet<string>,
): Verdict {
  const notes = after.getMap<RecordMap>(ROOT.notes);
  let votesTouched = false;
  for (const c of changes) {
    if (c.kind !== 'entry' && c.kind !== 'entry-delete' && c.kind !== 'touch') return refuse('R11');
    const parts = splitKey(c.key);
    if (!parts) return refuse('R8');
    // Deleting one's own note takes everyone's dots and proposals on it along
    // (checked above as the author's delete); so does tidying traces of a note that is gone.
    if (c.kind === 'entry-delete' && (deletedNotes.has(parts.noteId) || !notes.has(parts.noteId))) continue;
    if (parts.memberId !== actor.memberId) return refuse('R8');
    if (c.kind === 'touch') continue; // a lost concurrent write to one's own key
    if (c.root === 'votes') {
      if (!abilities.vote || !voting?.open) return refuse('R6');
      votesTouched = true;
      if (c.kind === 'entry') {
        if (!Number.isInteger(c.value) || (c.value as number) < 1) return refuse('R9', 'a vote is a positive whole number');
        if (!notes.has(parts.noteId)) return refuse('R9', 'unknown note');
      }
    } else {
      if (!abilities.propose) return refuse('R6');
      if (c.kind === 'entry') {
        if (typeof c.value !== 'string' || !DEPARTMENT_KEY_PATTERN.test(c.value)
          || !after.getMap(ROOT.departments).has(c.value)) {
          return refuse('R9', 'unknown department');
        }
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
  const notes = doc.getMap<RecordMap>(ROOT.notes);
  const perNote = new Map<string, number>();
  let total = 0;
  doc.getMap<unknown>('votes').forEach((value, key) => {
    const parts = splitKey(key);
    if (parts?.memberId !== memberId || typeof value !== 'number' || !notes.has(parts.noteId)) return;
    perNote.set(parts.noteId, value);
    total += value;
  });
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
