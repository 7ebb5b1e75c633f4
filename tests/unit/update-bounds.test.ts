import { describe, expect, it } from 'vitest';
import * as Y from 'yjs';
import { scanUpdate, withMergedDeleteSet } from '../../server/src/sync/update-scan.js';
import { FACILITATOR_LIMITS, PARTICIPANT_LIMITS, boundUpdate } from '../../server/src/sync/update-bounds.js';
import { RefusalBudget } from '../../server/src/sync/refusal-budget.js';
import { rawUpdate, type RawStruct } from '../support/raw-update.js';
import { seededRandom as seeded } from '../support/random.js';

/** Honest-looking updates of every content kind Yjs has, from real docs. */
function randomUpdates(seed: number, count: number): Uint8Array[] {
  const random = seeded(seed);
  const doc = new Y.Doc();
  const out: Uint8Array[] = [];
  doc.on('update', (u: Uint8Array) => out.push(u));
  const map = doc.getMap<unknown>('notes');
  for (let i = 0; i < count; i++) {
    const key = `k${Math.floor(random() * 20)}`;
    const r = random();
    if (r < 0.3) map.set(key, { text: `note ${i}`, n: i, list: [1, 'a', null] });
    else if (r < 0.5) map.delete(key);
    else if (r < 0.6) map.set(key, new Uint8Array([i & 255, 1, 2]));
    else if (r < 0.7) {
      const nested = new Y.Map<unknown>();
      map.set(key, nested);
      nested.set('field', `v${i}`);
    } else if (r < 0.8) doc.getText('text').insert(0, `t${i} é 😀`, i % 2 ? { bold: true } : undefined);
    else if (r < 0.9) doc.getArray<unknown>('list').insert(0, [i, `s${i}`]);
    else doc.getXmlFragment('xml').insert(0, [new Y.XmlElement('p'), new Y.XmlText('x')]);
  }
  out.push(Y.encodeStateAsUpdate(doc));
  return out;
}

describe('the cost scan reads updates as Yjs does', () => {
  it('counts the same structs and delete ranges as Y.decodeUpdate, for every content kind', () => {
    for (const update of randomUpdates(11, 300)) {
      const scan = scanUpdate(update, { ...FACILITATOR_LIMITS, maxPerAnchor: Infinity });
      const decoded = Y.decodeUpdate(update);
      let ranges = 0;
      for (const list of decoded.ds.clients.values()) ranges += list.length;
      expect(scan).toMatchObject({ ok: true, structs: decoded.structs.length, deleteRanges: ranges, deleteSetSorted: true });
      // The clocks each client's structs cover, as Yjs counts them (string lengths in UTF-16 units included).
      const meta = Y.parseUpdateMeta(update);
      if (scan.ok) {
        expect(new Map([...scan.written].map(([c, w]) => [c, w.from]))).toEqual(meta.from);
        expect(new Map([...scan.written].map(([c, w]) => [c, w.to]))).toEqual(meta.to);
      }
    }
  });

  it('honest updates, including a whole board\'s first sync, pass the participant limits unchanged', () => {
    for (const update of randomUpdates(12, 400)) expect(boundUpdate(update, PARTICIPANT_LIMITS)).toMatchObject({ ok: true, update });
  });

  it('merging a delete set changes nothing Yjs applies, only how often it walks', () => {
    const source = new Y.Doc();
    const text = source.getText('t');
    for (let i = 0; i < 50; i++) text.insert(i, 'abcdefghij');
    const base = Y.encodeStateAsUpdate(source);
    const random = seeded(13);
    for (let round = 0; round < 50; round++) {
      const ranges: [number, number][] = Array.from({ length: 1 + Math.floor(random() * 40) }, () => {
        const clock = Math.floor(random() * 480);
        return [clock, 1 + Math.floor(random() * 30)];
      });
      const attack = rawUpdate([], [{ client: source.clientID, ranges }]);
      const scan = scanUpdate(attack, PARTICIPANT_LIMITS);
      if (!scan.ok) throw new Error(scan.reason);
      const merged = withMergedDeleteSet(attack, scan.deleteSetAt);
      const [a, b] = [new Y.Doc(), new Y.Doc()];
      Y.applyUpdate(a, base);
      Y.applyUpdate(b, base);
      Y.applyUpdate(a, attack);
      Y.applyUpdate(b, merged);
      expect(b.getText('t').toString()).toBe(a.getText('t').toString());
      expect(Y.encodeStateAsUpdate(b)).toEqual(Y.encodeStateAsUpdate(a));
      const again = scanUpdate(merged, PARTICIPANT_LIMITS);
      expect(again).toMatchObject({ ok: true, deleteSetSorted: true });
      if (again.ok) expect(again.deleteRanges).toBeLessThanOrEqual(scan.deleteRanges);
    }
  });

  it('stops at the first limit passed, and says which', () => {
    const gc = (n: number): RawStruct[] => Array.from({ length: n }, () => ({ kind: 'gc', len: 1 }));
    expect(boundUpdate(new Uint8Array(PARTICIPANT_LIMITS.maxBytes + 1), PARTICIPANT_LIMITS)).toMatchObject({ ok: false, reason: expect.stringContaining('bytes') });
    expect(boundUpdate(rawUpdate([{ client: 1, clock: 0, structs: gc(PARTICIPANT_LIMITS.maxStructs + 1) }]), PARTICIPANT_LIMITS))
      .toMatchObject({ ok: false, reason: expect.stringContaining('items') });
    const clients = Array.from({ length: PARTICIPANT_LIMITS.maxClients + 1 }, (_, c) => ({ client: c + 1, clock: 0, structs: gc(1) }));
    expect(boundUpdate(rawUpdate(clients), PARTICIPANT_LIMITS)).toMatchObject({ ok: false, reason: expect.stringContaining('clients') });
    const racing = Array.from({ length: PARTICIPANT_LIMITS.maxPerAnchor + 1 }, (_, c) => ({
      client: c + 1, clock: 0, structs: [{ kind: 'any', parent: 'notes', key: 'n1', value: 1 } as RawStruct],
    }));
    expect(boundUpdate(rawUpdate(racing), PARTICIPANT_LIMITS)).toMatchObject({ ok: false, reason: expect.stringContaining('one spot') });
    const ranges = Array.from({ length: PARTICIPANT_LIMITS.maxDeleteRanges + 1 }, (_, i): [number, number] => [i * 2, 1]);
    expect(boundUpdate(rawUpdate([], [{ client: 1, ranges }]), { ...PARTICIPANT_LIMITS, maxBytes: Infinity }))
      .toMatchObject({ ok: false, reason: expect.stringContaining('ranges') });
  });

  it('throws on bytes that are not an update (the connection closes them as malformed)', () => {
    expect(() => boundUpdate(new Uint8Array([5, 200, 200, 200]), PARTICIPANT_LIMITS)).toThrow();
    expect(() => boundUpdate(new Uint8Array([1, 1, 1, 0, 17]), PARTICIPANT_LIMITS)).toThrow();
  });
});

describe('refusal budget', () => {
  it('allows a few refusals a minute per person, then none until the minute has passed', () => {
    let now = 0;
    const budget = new RefusalBudget(3, () => now);
    for (let i = 0; i < 3; i++) {
      expect(budget.allows('mallory')).toBe(true);
      budget.count('mallory');
    }
    expect(budget.allows('mallory')).toBe(false);
    expect(budget.allows('alice')).toBe(true);
    now = 59_000;
    expect(budget.allows('mallory')).toBe(false);
    now = 60_001;
    expect(budget.allows('mallory')).toBe(true);
  });
});

describe('updates that would surely stay pending are refused before staging', () => {
  it('a block past the doc\'s state, or a deletion past what doc and update hold', async () => {
    const { surelyPending, scanUpdate: scan } = await import('../../server/src/sync/update-scan.js');
    const state = (client: number) => (client === 5 ? 10 : 0);
    const check = (u: Uint8Array) => {
      const s = scan(u, PARTICIPANT_LIMITS);
      if (!s.ok) throw new Error(s.reason);
      return surelyPending(s, state);
    };
    const gc = (len: number): RawStruct => ({ kind: 'gc', len });
    expect(check(rawUpdate([{ client: 5, clock: 10, structs: [gc(3)] }]))).toBe(false);
    expect(check(rawUpdate([{ client: 5, clock: 11, structs: [gc(3)] }]))).toBe(true);
    expect(check(rawUpdate([{ client: 6, clock: 0, structs: [gc(3)] }], [{ client: 6, ranges: [[0, 3]] }]))).toBe(false);
    expect(check(rawUpdate([{ client: 6, clock: 0, structs: [gc(3)] }], [{ client: 6, ranges: [[2, 2]] }]))).toBe(true);
    expect(check(rawUpdate([], [{ client: 5, ranges: [[0, 10]] }]))).toBe(false);
    expect(check(rawUpdate([], [{ client: 5, ranges: [[9, 2]] }]))).toBe(true);
    // Two blocks for one client: Yjs keeps only the last one.
    expect(check(rawUpdate([{ client: 5, clock: 10, structs: [gc(1)] }, { client: 5, clock: 12, structs: [gc(1)] }]))).toBe(true);
  });
});

/** A change made on a copy of `doc` under a new client: overwrites and deletes next to existing items. */
function craftNext(doc: Y.Doc): Uint8Array {
  const copy = new Y.Doc();
  Y.applyUpdate(copy, Y.encodeStateAsUpdate(doc));
  const before = Y.encodeStateVector(copy);
  const notes = copy.getMap<Y.Map<unknown>>('notes');
  let i = 0;
  notes.forEach((note, key) => {
    if (i++ % 2 === 0) note.set('text', `next ${key}`);
    else notes.delete(key);
  });
  return Y.encodeStateAsUpdate(copy, before);
}

describe('a board cut into parts (to build the staging copy in slices)', () => {
  it('builds the same document, part after part, with nothing left waiting', async () => {
    const { splitUpdate } = await import('../../server/src/sync/update-split.js');
    const random = seeded(14);
    // Several people editing each other's records: dependencies run between clients both ways.
    const docs = Array.from({ length: 6 }, () => new Y.Doc());
    const sync = () => {
      for (const a of docs) for (const b of docs) if (a !== b) Y.applyUpdate(b, Y.encodeStateAsUpdate(a, Y.encodeStateVector(b)));
    };
    for (let round = 0; round < 40; round++) {
      for (const doc of docs) {
        const notes = doc.getMap<Y.Map<unknown>>('notes');
        const key = `n${Math.floor(random() * 30)}`;
        const note = notes.get(key);
        if (!note || random() < 0.2) {
          const fresh = new Y.Map<unknown>();
          notes.set(key, fresh);
          fresh.set('text', `r${round}`);
        } else if (random() < 0.8) note.set('text', `r${round} ${doc.clientID}`);
        else notes.delete(key);
      }
      if (round % 3 === 0) sync();
    }
    sync();
    const source = docs[0]!;
    const whole = Y.encodeStateAsUpdate(source);
    for (const size of [1, 7, 50, 100_000]) {
      const built = new Y.Doc();
      for (const part of splitUpdate(whole, size)) Y.applyUpdate(built, part);
      expect(built.store.pendingStructs).toBeNull();
      expect(built.store.pendingDs).toBeNull();
      // The same state: every struct and every deletion (runs of structs may be merged differently).
      expect(Y.equalSnapshots(Y.snapshot(built), Y.snapshot(source))).toBe(true);
      expect(built.getMap('notes').toJSON()).toEqual(source.getMap('notes').toJSON());
      // And the same document for whatever comes next: a further change applies identically to both.
      const next = craftNext(source);
      const [a, b] = [new Y.Doc(), built];
      Y.applyUpdate(a, whole);
      Y.applyUpdate(a, next);
      Y.applyUpdate(b, next);
      expect(b.getMap('notes').toJSON()).toEqual(a.getMap('notes').toJSON());
    }
  });
});
