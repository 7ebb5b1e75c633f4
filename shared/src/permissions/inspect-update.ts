import * as Y from 'yjs';

/**
 * What a Yjs update would do to a board, described in the board's own terms
 * (root map, entry key, field) so permission rules can judge it *before* it is
 * applied. Works on the encoded update and the current doc only: no copy of
 * the document is made, and the cost is O(update size x log(doc size)).
 *
 * Board layout assumed (docs/board-schema.md): every root is a Y.Map; entries
 * are either plain values or nested Y.Maps whose fields are plain values. Any
 * deeper nesting is reported as `deep`, which the rules refuse for participants.
 */
export type Change =
  /** A root entry written (created, or replacing the previous value of `key`). */
  | { kind: 'entry'; root: string; key: string; isMap: boolean; value: unknown; fields: Map<string, unknown> }
  /** A field of an existing nested record written. */
  | { kind: 'field'; root: string; key: string; field: string; value: unknown }
  /** A root entry's current value deleted. */
  | { kind: 'entry-delete'; root: string; key: string }
  /** A field of a nested record deleted (also part of every field overwrite). */
  | { kind: 'field-delete'; root: string; key: string; field: string }
  /** Something our layout never produces (deeper nesting, lists, rich text). */
  | { kind: 'unsupported'; detail: string };

export type Inspection = { ok: true; changes: Change[] } | { ok: false; reason: string };

type Struct = Y.Item | Y.GC | Y.Skip;

type Place =
  | { at: 'root'; root: string; key: string | null }
  | { at: 'field'; root: string; key: string; field: string | null; parentId: Y.ID; parentIsNew: boolean }
  /** Parent was garbage-collected or deleted: yjs discards the item, so it has no effect. */
  | { at: 'dead' }
  | { at: 'deep' };

class MissingDependency extends Error {}

export function inspectUpdate(doc: Y.Doc, update: Uint8Array): Inspection {
  // Throws on bytes that are not an update; the caller treats that as malformed.
  const { structs, ds } = Y.decodeUpdate(update) as { structs: Struct[]; ds: { clients: Map<number, { clock: number; len: number }[]> } };
  const byClient = new Map<number, Struct[]>();
  for (const s of structs) {
    if (s instanceof Y.Skip) return { ok: false, reason: 'update has gaps (missing dependencies)' };
    let list = byClient.get(s.id.client);
    if (!list) byClient.set(s.id.client, (list = []));
    list.push(s);
  }
  const store = doc.store;
  // 1. No gap between what the doc has and what the update starts with: such an
  //    update would be parked as "pending" by yjs and released later, unchecked.
  for (const [client, list] of byClient) {
    list.sort((a, b) => a.id.clock - b.id.clock);
    if (list[0]!.id.clock > Y.getState(store, client)) {
      return { ok: false, reason: 'update depends on changes the server does not have' };
    }
    for (let i = 1; i < list.length; i++) {
      const prev = list[i - 1]!;
      if (prev.id.clock + prev.length < list[i]!.id.clock) return { ok: false, reason: 'update has gaps' };
    }
  }

  const inUpdate = (id: Y.ID): Struct | undefined => {
    const list = byClient.get(id.client);
    if (!list) return undefined;
    let lo = 0;
    let hi = list.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = list[mid]!;
      if (id.clock < s.id.clock) hi = mid - 1;
      else if (id.clock >= s.id.clock + s.length) lo = mid + 1;
      else return s;
    }
    return undefined;
  };
  const inDoc = (id: Y.ID): Y.Item | Y.GC | undefined =>
    id.clock < Y.getState(store, id.client) ? (Y.getItem(store, id) as Y.Item | Y.GC) : undefined;
  const find = (id: Y.ID): { struct: Struct; fresh: boolean } => {
    const fresh = inUpdate(id);
    if (fresh) return { struct: fresh, fresh: true };
    const old = inDoc(id);
    if (old) return { struct: old, fresh: false };
    throw new MissingDependency();
  };

  const placeOfType = (type: Y.AbstractType<unknown>, parentSub: string | null): Place => {
    if (type._item === null) return { at: 'root', root: Y.findRootTypeKey(type), key: parentSub };
    const owner = type._item;
    if (owner.deleted) return { at: 'dead' };
    const grand = owner.parent as Y.AbstractType<unknown>;
    if (grand._item !== null || owner.parentSub === null) return { at: 'deep' };
    return { at: 'field', root: Y.findRootTypeKey(grand), key: owner.parentSub, field: parentSub, parentId: owner.id, parentIsNew: false };
  };

  const places = new Map<Y.Item, Place>();
  const placeOf = (item: Y.Item): Place => {
    const known = places.get(item);
    if (known) return known;
    let place: Place;
    const parent = item.parent as unknown;
    if (typeof parent === 'string') {
      place = { at: 'root', root: parent, key: item.parentSub };
    } else if (parent instanceof Y.ID) {
      const { struct, fresh } = find(parent);
      if (!(struct instanceof Y.Item)) place = { at: 'dead' };
      else if (!(struct.content instanceof Y.ContentType)) place = { at: 'deep' };
      else if (fresh) {
        const p = placeOf(struct);
        place = p.at === 'root' && p.key !== null
          ? { at: 'field', root: p.root, key: p.key, field: item.parentSub, parentId: struct.id, parentIsNew: true }
          : p.at === 'dead' ? p : { at: 'deep' };
      } else {
        place = struct.deleted ? { at: 'dead' } : placeOfType(struct.content.type, item.parentSub);
      }
    } else {
      // No parent info encoded: yjs takes parent and key from the left (origin)
      // or right neighbour, so do we.
      const neighbour = item.origin ?? item.rightOrigin;
      if (!neighbour) return { at: 'deep' };
      const { struct, fresh } = find(neighbour);
      if (!(struct instanceof Y.Item)) place = { at: 'dead' };
      else if (fresh) place = placeOf(struct);
      else place = placeOfType(struct.parent as Y.AbstractType<unknown>, struct.parentSub);
    }
    places.set(item, place);
    return place;
  };

  try {
    const changes: Change[] = [];
    const entries = new Map<string, Extract<Change, { kind: 'entry' }>>(); // by parent item id
    const fieldWrites: { item: Y.Item; place: Extract<Place, { at: 'field' }> }[] = [];
    for (const s of structs) {
      if (!(s instanceof Y.Item)) continue; // GC: content the sender already dropped
      for (const dep of [s.origin, s.rightOrigin]) if (dep) find(dep);
      const place = placeOf(s);
      if (place.at === 'dead') continue;
      if (place.at === 'deep') {
        changes.push({ kind: 'unsupported', detail: 'nested deeper than the board layout' });
        continue;
      }
      if (place.at === 'root') {
        if (place.key === null) {
          changes.push({ kind: 'unsupported', detail: `list content in root ${place.root}` });
          continue;
        }
        const content = s.content;
        const isMap = content instanceof Y.ContentType;
        if (!isMap && !(content instanceof Y.ContentAny) && !(content instanceof Y.ContentDeleted)) {
          changes.push({ kind: 'unsupported', detail: `unsupported content in ${place.root}` });
          continue;
        }
        const entry = { kind: 'entry' as const, root: place.root, key: place.key, isMap, value: valueOf(s), fields: new Map<string, unknown>() };
        entries.set(idKey(s.id), entry);
        changes.push(entry);
        continue;
      }
      if (place.field === null) {
        changes.push({ kind: 'unsupported', detail: `list content in ${place.root}/${place.key}` });
        continue;
      }
      if (!(s.content instanceof Y.ContentAny) && !(s.content instanceof Y.ContentDeleted)) {
        changes.push({ kind: 'unsupported', detail: `nested type in ${place.root}/${place.key}` });
        continue;
      }
      fieldWrites.push({ item: s, place });
    }
    for (const { item, place } of fieldWrites) {
      const field = place.field as string;
      if (place.parentIsNew) entries.get(idKey(place.parentId))?.fields.set(field, valueOf(item));
      else changes.push({ kind: 'field', root: place.root, key: place.key, field, value: valueOf(item) });
    }

    // 2. Deletions: only of things that exist; each maps to an entry or a field.
    for (const [client, ranges] of ds.clients) {
      const known = Y.getState(store, client);
      const list = byClient.get(client);
      const end = list ? Math.max(known, list[list.length - 1]!.id.clock + list[list.length - 1]!.length) : known;
      const docStructs = store.clients.get(client);
      for (const { clock, len } of ranges) {
        if (clock + len > end) throw new MissingDependency();
        if (!docStructs || clock >= known) continue; // deletes of items new in this update
        for (let i = Y.findIndexSS(docStructs, clock); i < docStructs.length; i++) {
          const s = docStructs[i]!;
          if (s.id.clock >= clock + len) break;
          if (!(s instanceof Y.Item) || s.deleted) continue;
          const type = s.parent as Y.AbstractType<unknown>;
          const place = placeOfType(type, s.parentSub);
          if (place.at === 'dead') continue;
          if (place.at === 'root' && place.key !== null) changes.push({ kind: 'entry-delete', root: place.root, key: place.key });
          else if (place.at === 'field' && place.field !== null) {
            changes.push({ kind: 'field-delete', root: place.root, key: place.key, field: place.field });
          } else changes.push({ kind: 'unsupported', detail: 'deletion outside the board layout' });
        }
      }
    }
    return { ok: true, changes };
  } catch (error) {
    if (error instanceof MissingDependency) return { ok: false, reason: 'update depends on changes the server does not have' };
    throw error;
  }
}

function idKey(id: Y.ID): string {
  return `${id.client}:${id.clock}`;
}

function valueOf(item: Y.Item): unknown {
  const content = item.content;
  if (content instanceof Y.ContentAny) return content.arr[content.arr.length - 1];
  return undefined;
}
