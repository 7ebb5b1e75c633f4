/**
 * Boards whose every user-typed text is hostile to office XML: characters XML
 * 1.0 forbids (C0 controls, U+FFFE/U+FFFF, lone surrogates) mixed with ones
 * that are legal but easy to get wrong (`<`, `&`, `]]>`, quotes, RTL and
 * bidi controls, emoji sequences, combining accents, very long words).
 * Written straight into the Y.Doc maps, as a facilitator's raw update could
 * (the guard checks booklet and brand lengths and types, not characters), so
 * no operation's cleaning stands between them and the renderers.
 */
import * as Y from 'yjs';
import { initializeBoard, roots, upsertMember, type ExportFile } from '../../shared/src/index.js';
import { runRoadmapScenario } from './roadmap-scenario.js';
import { seededRandom } from './random.js';
import { ALICE, me, system } from '../unit/helpers.js';

/** Every code unit (or pair) XML 1.0 cannot carry that a JS string can hold. */
export const FORBIDDEN: string[] = [
  ...Array.from({ length: 0x20 }, (_, c) => String.fromCharCode(c)).filter((c) => !'\t\n\r'.includes(c)),
  '\ufffe', '\uffff', '\ud800', '\udbff', '\udc00', '\udfff',
];
/** Legal but tricky. */
export const TRICKY: string[] = [
  '<', '>', '&', '&amp;', ']]>', '<![CDATA[', '"', "'", '<w:t>', '</a:t>', '&#1;', '\u200f', '\u202e', '\u2066', '\u00a0', '\u2028', '\u2029',
  '\u0085', '\u007f', '\u0080', '\u009f', '👩‍👩‍👧', '🇮🇹', '😀', 'é', 'e\u0301\u0301', 'שלום', 'مرحبا', '\t', '\n', '\r\n', '\r', '  ', '=1+1', '\ufeff', '\ufffd',
];

const WORDS = ['roadmap', 'qualità', 'buyer', 'spec', 'Ölçü', 'déjà', '検証', 'stage'];

/** A hostile text of at most `max` UTF-16 units that starts with `marker ` (so it can be found again). */
export function hostileText(rand: () => number, marker: string, max: number): string {
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;
  let text = `${marker} `;
  const pieces = 2 + Math.floor(rand() * 12);
  for (let i = 0; i < pieces; i++) {
    const r = rand();
    if (r < 0.35) text += pick(FORBIDDEN);
    else if (r < 0.7) text += pick(TRICKY);
    else if (r < 0.95) text += ` ${pick(WORDS)} `;
    else text += 'W'.repeat(Math.min(10_000, Math.max(0, max - text.length - 1)));
  }
  // Within the field's limit, without cutting a surrogate pair we put in on purpose.
  return text.slice(0, max);
}

export interface HostileField { marker: string; value: string; place: string }

/**
 * The example workshop's board, then every user-typed text overwritten with a
 * hostile one (within the field's length limit). Returns the board's state
 * and each text written, with the marker it starts with. `rewrite` changes
 * each text before it is written (the same board with, say, the forbidden
 * characters taken out).
 */
export function hostileBoard(seed: number, rewrite: (text: string) => string = (text) => text): { state: Uint8Array; fields: HostileField[] } {
  const rand = seededRandom(seed);
  const doc = new Y.Doc();
  initializeBoard(doc, { title: 'x', template: 'vision-workshop', language: rand() < 0.5 ? 'en' : 'it' }, system, Date.UTC(2025, 2, 12, 8));
  for (const [id, department] of [['alice', 'sales'], ['v1', 'sales'], ['v2', 'fae'], ['v3', 'shipping']] as const) {
    upsertMember(doc, id, { name: `Person ${id}`, department, role: id === 'alice' ? 'facilitator' : 'participant', joinedAt: 1, removed: false }, system);
  }
  runRoadmapScenario(doc, rand() < 0.5 ? 'en' : 'it', ALICE, me, ['v1', 'v2', 'v3']);
  const fields: HostileField[] = [];
  let n = 0;
  const text = (place: string, max: number): string => {
    const marker = `Qz${seed.toString(36)}x${(n++).toString(36)}Q`;
    const value = rewrite(hostileText(rand, marker, max));
    fields.push({ marker, value, place });
    return value;
  };
  const r = roots(doc);
  doc.transact(() => {
    r.meta.set('title', text('title', 120));
    for (const seg of r.segments.values()) {
      seg.set('name', text('segment name', 80));
      seg.set('description', text('segment description', 400));
    }
    for (const stage of r.stages.values()) {
      stage.set('name', text('stage name', 80));
      stage.set('buyerStep', text('stage buyer step', 120));
    }
    for (const dep of r.departments.values()) dep.set('name', text('department name', 60));
    for (const member of r.members.values()) member.set('name', text('member name', 60));
    for (const note of r.notes.values()) {
      note.set('text', text('note text', 1000));
      note.set('authorName', text('note author', 60));
      const merged = note.get('merged');
      if (Array.isArray(merged) && merged.length > 0) {
        note.set('merged', merged.map((m: Record<string, unknown>) => ({ ...m, text: text('note merged text', 1000), authorName: text('note merged author', 60) })));
      }
    }
    for (const c of r.commitments.values()) {
      c.set('text', text('commitment text', 1000));
      c.set('byName', text('commitment by', 60));
    }
    for (const f of r.feedback.values()) {
      f.set('blocker', text('feedback blocker', 1000));
      f.set('comment', text('feedback comment', 1000));
      f.set('repName', text('feedback rep', 60));
    }
    for (const key of [...r.booklet.keys()]) r.booklet.set(key, text(key.includes(':') ? `booklet ${key.split(':')[0]}` : `booklet ${key}`, key.includes(':') ? 1500 : 6000));
    r.brand.set('companyName', text('company', 120));
  });
  return { state: Y.encodeStateAsUpdate(doc), fields };
}

export const OFFICE_FILES: ExportFile[] = ['roadmap.docx', 'roadmap.pptx', 'roadmap.xlsx'];
