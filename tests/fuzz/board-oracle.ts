import * as Y from 'yjs';
import { readBoard, type Actor, type BoardSnapshot } from '../../shared/src/index.js';

/**
 * The fuzz test's oracle: what a participant may change on a board, written
 * here from docs/security.md and docs/board-schema.md, independently of the
 * server's guard. It compares two readings of the doc (raw entries per root,
 * plus the schema readers' view) and names every change the actor was not
 * allowed to make.
 */
export interface Reading {
  /** Root name -> entry key -> the entry as JSON (nested records carry their item id). */
  raw: Map<string, Map<string, string>>;
  board: BoardSnapshot;
}

/** Whether a type holds list content (items without a key), which our layout never has. */
function hasList(type: { _start: Y.Item | null }): boolean {
  for (let n = type._start; n !== null; n = n.right) if (!n.deleted) return true;
  return false;
}

/** A record holding a nested Yjs type, list content, or anything but plain values. */
function outsideLayout(json: string | undefined): boolean {
  return json !== undefined && (/"@(list|type)"/.test(json) || (json.match(/"@id"/g)?.length ?? 0) > 1);
}

const idOf = (item: Y.Item): string => `${item.id.client}:${item.id.clock}`;

function plain(value: unknown): unknown {
  if (value instanceof Y.Doc) return { '@type': 'Doc' };
  if (value instanceof Y.Map) {
    const out: Record<string, unknown> = { '@id': value._item ? idOf(value._item) : 'root' };
    if (hasList(value)) out['@list'] = true;
    value._map.forEach((item, k) => {
      if (item.deleted) return;
      out[k] = plain(item.content.getContent()[item.length - 1]);
      out[`#${k}`] = idOf(item); // a write of the same value is still a write
    });
    return out;
  }
  if (value instanceof Y.AbstractType) return { '@type': value.constructor.name, json: value.toJSON() as unknown };
  return value;
}

export function read(doc: Y.Doc): Reading {
  const board = readBoard(doc); // also creates the twelve roots, so `share` lists them all
  const raw = new Map<string, Map<string, string>>();
  for (const [name, type] of doc.share) {
    const entries = new Map<string, string>();
    if (hasList(type)) entries.set('@list', 'true');
    type._map.forEach((item, key) => {
      if (item.deleted) return;
      let json: string;
      try {
        json = JSON.stringify(plain(item.content.getContent()[item.length - 1])) ?? '{"@type":"undefined"}';
      } catch {
        json = '{"@type":"unserializable"}';
      }
      entries.set(key, `${idOf(item)} ${json}`);
    });
    raw.set(name, entries);
  }
  return { raw, board };
}

const NOTE_FIELDS_PARTICIPANTS_CHANGE = new Set(['text', 'kind', 'stageId', 'order', 'owners', 'updatedAt']);
const WRITE_NOTES = new Set(['brainstorm', 'cluster']);
const PROPOSE = new Set(['brainstorm', 'cluster', 'assign']);
const FACILITATOR_ONLY_ROOTS = new Set([
  'meta', 'segments', 'stages', 'departments', 'session', 'groups', 'commitments', 'feedback', 'booklet', 'brand',
]);
/** The logo is the server's alone (docs/board-schema.md, `brand`). */
const SERVER_ONLY_BRAND = ['logo', 'logoType', 'logoWidth', 'logoHeight'];
/** The booklet's keys and limits, and the brand's facilitator fields, as docs/board-schema.md states them. */
function badDeliverable(root: string, key: string, value: unknown): string | undefined {
  if (value === undefined) return undefined;
  if (root === 'booklet') {
    const max = key === 'foreword' || key === 'executiveSummary' ? 6000 : /^(segment|stage):/.test(key) ? 1500 : -1;
    return typeof value === 'string' && value.length <= max ? undefined : `booklet/${key}: not a booklet text`;
  }
  if (key === 'companyName') return typeof value === 'string' && value.length <= 120 ? undefined : 'brand/companyName invalid';
  if (key === 'accentColor') return typeof value === 'string' && /^(#[0-9a-fA-F]{6})?$/.test(value) ? undefined : 'brand/accentColor invalid';
  return `brand/${key}: not a brand field`;
}

function changedKeys(a: Map<string, string> | undefined, b: Map<string, string> | undefined): string[] {
  const keys = new Set([...(a?.keys() ?? []), ...(b?.keys() ?? [])]);
  return [...keys].filter((k) => a?.get(k) !== b?.get(k));
}

/** An entry's value (entries are stored as `<item id> <json>`). */
const valueOf = (entry: string | undefined): unknown => (entry === undefined ? undefined : JSON.parse(entry.slice(entry.indexOf(' ') + 1)));
const parse = (entry: string | undefined): Record<string, unknown> | undefined => valueOf(entry) as Record<string, unknown> | undefined;

/** Every change from `before` to `after` that `actor` may not make; empty when all is allowed. */
export function violations(actor: Actor, before: Reading, after: Reading): string[] {
  const out: string[] = [];
  const roots = new Set([...before.raw.keys(), ...after.raw.keys()]);
  for (const root of roots) {
    if (!before.raw.has(root) || !after.raw.has(root)) out.push(`root ${root} appeared`);
    else if (after.raw.get(root)!.has('@list') && !before.raw.get(root)!.has('@list')) out.push(`list content in ${root}`);
  }
  for (const key of changedKeys(before.raw.get('members'), after.raw.get('members'))) out.push(`members/${key} changed`);
  for (const key of changedKeys(before.raw.get('brand'), after.raw.get('brand'))) {
    if (SERVER_ONLY_BRAND.includes(key)) out.push(`brand/${key}: the logo written by an update`);
  }
  if (actor.role === 'facilitator') {
    for (const [root, entries] of after.raw) {
      for (const key of changedKeys(before.raw.get(root), entries)) {
        if (outsideLayout(entries.get(key))) out.push(`${root}/${key}: outside the board layout`);
        if ((root === 'booklet' || root === 'brand') && !SERVER_ONLY_BRAND.includes(key)) {
          const bad = badDeliverable(root, key, valueOf(entries.get(key)));
          if (bad) out.push(bad);
        }
      }
    }
    return out;
  }
  for (const root of FACILITATOR_ONLY_ROOTS) {
    for (const key of changedKeys(before.raw.get(root), after.raw.get(root))) out.push(`${root}/${key} changed by a participant`);
  }
  const { session } = before.board;
  const me = actor.memberId;
  const deletedNotes = new Set<string>();
  for (const key of changedKeys(before.raw.get('notes'), after.raw.get('notes'))) {
    const was = parse(before.raw.get('notes')!.get(key));
    const now = parse(after.raw.get('notes')!.get(key));
    const where = `notes/${key}`;
    if (!WRITE_NOTES.has(session.phase)) out.push(`${where}: notes are closed in ${session.phase}`);
    if (!was) {
      const note = after.board.notesById.get(key);
      if (session.privateWriting) out.push(`${where}: created during private writing`);
      if (!note || !after.board.stagesById.has(note.stageId)) out.push(`${where}: created invalid or outside a stage`);
      else if (note.authorId !== me || note.authorName !== actor.name || note.authorDepartment !== actor.department) out.push(`${where}: forged author`);
      else if (note.status !== 'open' || note.responsible !== '' || note.supporting.length > 0 || note.merged.length > 0) out.push(`${where}: facilitator fields set`);
      if (outsideLayout(after.raw.get('notes')!.get(key))) out.push(`${where}: outside the board layout`);
      continue;
    }
    if (was.authorId !== me) {
      out.push(`${where}: another person's note ${now ? 'changed' : 'deleted'}`);
      continue;
    }
    if (!now) {
      deletedNotes.add(key);
      continue;
    }
    if (now['@id'] !== was['@id']) out.push(`${where}: replaced`);
    if (outsideLayout(after.raw.get('notes')!.get(key))) out.push(`${where}: outside the board layout`);
    const fields = new Set([...Object.keys(was), ...Object.keys(now)]);
    for (const f of fields) {
      const field = f.startsWith('#') ? f.slice(1) : f;
      if (f !== '@id' && JSON.stringify(was[f]) !== JSON.stringify(now[f]) && !NOTE_FIELDS_PARTICIPANTS_CHANGE.has(field)) out.push(`${where}: field ${field} written`);
    }
    const note = after.board.notesById.get(key);
    if (!note || !after.board.stagesById.has(note.stageId)) out.push(`${where}: no longer a valid note in a stage`);
  }
  out.push(...ownKeys(actor, before, after, deletedNotes));
  return out;
}

/** Votes and proposals: keys `<noteId>:<memberId>`, own keys only, as the phase allows. */
function ownKeys(actor: Actor, before: Reading, after: Reading, deletedNotes: ReadonlySet<string>): string[] {
  const out: string[] = [];
  const { phase, voting } = before.board.session;
  let votesChanged = false;
  for (const root of ['votes', 'proposals'] as const) {
    for (const key of changedKeys(before.raw.get(root), after.raw.get(root))) {
      const where = `${root}/${key}`;
      const i = key.lastIndexOf(':');
      const noteId = i > 0 ? key.slice(0, i) : '';
      const value = after.raw.get(root)!.get(key);
      const noteGone = !after.raw.get('notes')!.has(noteId);
      if (value === undefined && (deletedNotes.has(noteId) || noteGone)) continue; // traces of a note that is gone
      if (i <= 0 || key.slice(i + 1) !== actor.memberId) {
        out.push(`${where}: not the actor's own key`);
        continue;
      }
      const parsed = valueOf(value);
      if (value !== undefined && noteGone) out.push(`${where}: no such note`);
      if (root === 'votes') {
        votesChanged = true;
        if (phase !== 'vote' || !voting?.open) out.push(`${where}: voting is not open`);
        if (value !== undefined && (!Number.isInteger(parsed) || (parsed as number) < 1)) out.push(`${where}: not a whole number >= 1`);
      } else {
        if (!PROPOSE.has(phase)) out.push(`${where}: proposals are closed in ${phase}`);
        if (value !== undefined && (typeof parsed !== 'string' || !after.raw.get('departments')!.has(parsed))) out.push(`${where}: not a department`);
      }
    }
  }
  if (votesChanged && voting) {
    let total = 0;
    for (const [noteId, tally] of after.board.votesByNote) {
      const mine = tally.byMember.get(actor.memberId) ?? 0;
      total += mine;
      if (voting.capPerNote !== null && mine > voting.capPerNote) out.push(`votes on ${noteId}: ${mine} dots over the cap`);
    }
    if (total > voting.votesPerPerson) out.push(`votes: ${total} dots, more than ${voting.votesPerPerson}`);
  }
  return out;
}
