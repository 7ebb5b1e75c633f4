import * as Y from 'yjs';
import { decodeV1, encodeV1, gc, mapItem, skip, type Block, type DeleteRanges } from '../support/yjs-bytes.js';

/**
 * Adversarial updates for the guard fuzz test: honest updates mutated, and
 * hand-made ones aimed at what Yjs and a byte-reading check disagree on.
 */
export interface HostileContext {
  rng: () => number;
  /** The room's doc: read to aim at live ids, never written. */
  doc: Y.Doc;
  /** The sender's member id and an honest update of theirs (undefined when none came up). */
  memberId: string;
  honest: () => Uint8Array | undefined;
}

type Make = (c: HostileContext) => Uint8Array | undefined;

const int = (rng: () => number, n: number): number => Math.floor(rng() * n);
const pick = <T>(rng: () => number, list: readonly T[]): T => list[int(rng, list.length)]!;

const VALUES: unknown[] = [
  'hacked', 'done', 'facilitator', 'review', 'vote', true, false, 0, 1, 3, 99, -1, 1.5, '', null, [], ['sales'],
  { open: true, votesPerPerson: 50, capPerNote: null, hideResults: false },
];
const KEYS = [
  'text', 'status', 'authorId', 'phase', 'privateWriting', 'title', 'role', 'order', 'stageId', 'responsible', 'merged',
  'foreword', 'companyName', 'accentColor', 'logo', 'logoWidth',
];

/** Live map items of the doc (the values keys currently point at): targets to aim at. */
function liveItems(doc: Y.Doc): Y.Item[] {
  const out: Y.Item[] = [];
  for (const structs of doc.store.clients.values()) {
    for (const s of structs) if (s instanceof Y.Item && !s.deleted && s.parentSub !== null) out.push(s);
  }
  return out;
}

function someClient(c: HostileContext): [client: number, state: number] {
  const clients = [...c.doc.store.clients.keys()];
  const client = pick(c.rng, clients);
  return [client, Y.getState(c.doc.store, client)];
}

/** GC or Skip placeholders over ids (live or beyond the doc's clock) of some existing clients. */
function placeholders(c: HostileContext, count: number): Block[] {
  return Array.from({ length: count }, () => {
    const [client, state] = someClient(c);
    const clock = int(c.rng, state + 3);
    const length = 1 + int(c.rng, c.rng() < 0.8 ? 3 : state + 10);
    return { client, clock, structs: [c.rng() < 0.85 ? gc(client, clock, length) : skip(client, clock, length)] };
  });
}

/**
 * Two items of one low client (integrated after the others) where the first
 * follows the second: Yjs throws on the first. They write what the sender may
 * plausibly write: a field of a note new in `blocks`, or an own dot or proposal.
 */
function throwingTail(c: HostileContext, blocks: readonly Block[] = []): Block {
  const client = 1 + int(c.rng, 1000);
  const note = blocks.flatMap((b) => b.structs).find((s): s is Y.Item => s instanceof Y.Item && s.content instanceof Y.ContentType);
  const own = `${pick(c.rng, [...c.doc.getMap('notes').keys(), 'x'])}:${c.memberId}`;
  const [at, value]: [{ parent: string | Y.ID; key: string }, unknown] = note && c.rng() < 0.7
    ? [{ parent: note.id, key: 'text' }, 'half an update']
    : c.rng() < 0.5 ? [{ parent: 'votes', key: own }, 1] : [{ parent: 'proposals', key: own }, 'sales'];
  return {
    client, clock: 0,
    structs: [mapItem(Y.createID(client, 0), { origin: Y.createID(client, 1) }, value), mapItem(Y.createID(client, 1), at, value)],
  };
}

/** The client with the most structs (of those all deleted already, when `deletedOnly`). */
function biggestClient(doc: Y.Doc, deletedOnly: boolean): [client: number, state: number] {
  let best: [number, number] = [0, 0];
  for (const [client, structs] of doc.store.clients) {
    if (structs.length > best[1] && (!deletedOnly || structs.every((s) => s instanceof Y.GC || s.deleted))) best = [client, structs.length];
  }
  return [best[0], Y.getState(doc.store, best[0])];
}

function randomDeletes(c: HostileContext): DeleteRanges {
  const out: DeleteRanges = [];
  for (let n = 1 + int(c.rng, 3); n > 0; n--) {
    // Repeated ranges over a whole client (sometimes one whose structs are all
    // deleted already, so nothing visible changes): Yjs walks the structs once
    // per range, so a long list of them is slow to judge or apply unless merged first.
    const repeat = c.rng() < 0.1 ? 1 + int(c.rng, 50_000) : 1;
    const [client, state] = repeat > 1 ? biggestClient(c.doc, c.rng() < 0.5) : someClient(c);
    const range: [number, number] = repeat > 1 ? [0, state] : [int(c.rng, state + 5), 1 + int(c.rng, c.rng() < 0.7 ? 3 : state + 10)];
    out.push([client, Array.from({ length: repeat }, () => range)]);
  }
  return out;
}

/** A write aimed at a live item: overwriting it (origin), a new key in its record, or a root key. */
function hostileItem(c: HostileContext): { blocks: Block[]; target: Y.ID } {
  const target = pick(c.rng, liveItems(c.doc));
  const client = c.rng() < 0.5 ? 0x7fff0000 + int(c.rng, 0xffff) : 1_000 + int(c.rng, 1_000_000);
  const id = Y.createID(client, 0);
  const value = c.rng() < 0.2 ? c.memberId : pick(c.rng, VALUES);
  const parent = target.parent as Y.AbstractType<unknown>;
  const kind = c.rng();
  let item: Y.Item;
  if (kind < 0.5) item = mapItem(id, { origin: target.id }, value);
  else if (kind < 0.8 && parent._item) item = mapItem(id, { parent: parent._item.id, key: pick(c.rng, KEYS) }, value);
  else {
    const root = parent._item ? Y.findRootTypeKey(parent._item.parent as Y.AbstractType<unknown>) : Y.findRootTypeKey(parent);
    item = mapItem(id, { parent: root, key: c.rng() < 0.5 ? (target.parentSub ?? 'x') : `${target.parentSub ?? 'x'}:${c.memberId}` }, value);
  }
  const dep = item.origin ?? (item.parent instanceof Y.ID ? item.parent : target.id);
  return { blocks: [{ client, clock: 0, structs: [item] }], target: dep };
}

export const HOSTILE: [name: string, weight: number, make: Make][] = [
  ['bit flips', 8, (c) => {
    const u = c.honest();
    if (!u) return undefined;
    const out = Uint8Array.from(u);
    for (let n = 1 + int(c.rng, 4); n > 0; n--) out[int(c.rng, out.length)]! ^= 1 << int(c.rng, 8);
    return out;
  }],
  ['truncated', 4, (c) => c.honest()?.slice(0, 1 + int(c.rng, 40))],
  ['clocks shifted', 6, (c) => {
    const u = c.honest();
    if (!u) return undefined;
    const { blocks, deletes } = decodeV1(u);
    if (blocks.length === 0) return undefined;
    const b = pick(c.rng, blocks);
    b.clock = Math.max(0, b.clock + pick(c.rng, [-3, -2, -1, 1, 2, 3]));
    return encodeV1(blocks, deletes);
  }],
  ['blocks split, duplicated, reordered', 10, (c) => {
    const u = c.honest();
    if (!u) return undefined;
    const { blocks, deletes } = decodeV1(u);
    if (blocks.length === 0) return undefined;
    const b = pick(c.rng, blocks);
    const at = 1 + int(c.rng, Math.max(1, b.structs.length - 1));
    const head = { client: b.client, clock: b.clock, structs: b.structs.slice(0, at) };
    const tail = b.structs.length > at ? [{ client: b.client, clock: b.structs[at]!.id.clock, structs: b.structs.slice(at) }] : [];
    const parts = pick(c.rng, [[...tail, head], [head, ...tail, head], [head, head, ...tail], [...tail, head, ...tail]]);
    return encodeV1(blocks.flatMap((x) => (x === b ? parts : [x])), c.rng() < 0.5 ? deletes : []);
  }],
  ['placeholders over live ids', 12, (c) => {
    const u = c.honest();
    const own = u ? decodeV1(u) : { blocks: [], deletes: [] };
    const extra = placeholders(c, 1 + int(c.rng, 3));
    return encodeV1(c.rng() < 0.5 ? [...extra, ...own.blocks] : [...own.blocks, ...extra], own.deletes);
  }],
  ['delete ranges', 10, (c) => {
    const u = c.honest();
    const own = u && c.rng() < 0.5 ? decodeV1(u) : { blocks: [], deletes: [] };
    return encodeV1(own.blocks, [...own.deletes, ...randomDeletes(c)]);
  }],
  ['missing dependencies', 5, (c) => {
    const u = c.honest();
    if (!u) return undefined;
    const { blocks, deletes } = decodeV1(u);
    if (blocks.length === 0) return undefined;
    const b = pick(c.rng, blocks);
    if (b.structs.length < 2) return undefined;
    const drop = 1 + int(c.rng, b.structs.length - 1);
    return encodeV1(blocks.map((x) => (x === b ? { client: b.client, clock: b.structs[drop]!.id.clock, structs: b.structs.slice(drop) } : x)), deletes);
  }],
  ['items aimed at others\' records, session, meta, members', 25, (c) => {
    const { blocks, target } = hostileItem(c);
    if (c.rng() < 0.5) blocks.unshift({ client: target.client, clock: target.clock, structs: [gc(target.client, target.clock, 1)] });
    if (c.rng() < 0.2) blocks.push(throwingTail(c));
    if (c.rng() < 0.2) blocks.push(...placeholders(c, 1));
    return encodeV1(blocks, c.rng() < 0.3 ? [[target.client, [[target.clock, 1]]]] : []);
  }],
  ['honest work, then a throw', 5, (c) => {
    const u = c.honest();
    if (!u) return undefined;
    const { blocks, deletes } = decodeV1(u);
    return encodeV1([...blocks, throwingTail(c, blocks)], deletes);
  }],
];
