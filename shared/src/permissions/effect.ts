import * as Y from 'yjs';

/**
 * What one applied transaction did to a board, in the board's own terms
 * (root map, entry key, field), read from the transaction Yjs really ran and
 * from the document before and after it. Nothing here decodes update bytes:
 * whatever an update's bytes claim, this is what Yjs integrated.
 *
 * Board layout assumed (docs/board-schema.md): every root is a Y.Map; entries
 * are plain values or nested Y.Maps whose fields are plain values. Anything
 * else is reported as `unsupported`, which the rules refuse.
 */
export type Change =
  /** A root entry now holds a different value than before (created, or replacing the previous one). */
  | { kind: 'entry'; root: string; key: string; isMap: boolean; value: unknown; fields: Map<string, unknown> }
  /** A field of an existing nested record now holds a different value. */
  | { kind: 'field'; root: string; key: string; field: string; value: unknown }
  /** A root entry that existed before is gone. */
  | { kind: 'entry-delete'; root: string; key: string }
  /** A field of an existing nested record is gone. */
  | { kind: 'field-delete'; root: string; key: string; field: string }
  /**
   * Something was written or deleted at this place with no visible result: a
   * value that lost a concurrent write, a tombstone. Invisible, but it grows
   * the board and can only come from someone allowed to write there.
   */
  | { kind: 'touch'; root: string; key: string; field: string | null }
  /** Something our layout never produces (deeper nesting, lists, rich text). */
  | { kind: 'unsupported'; detail: string };

/** A shared type as Yjs hands it out (roots, nested maps). */
type SharedType = Y.Transaction['changed'] extends Map<infer T, unknown> ? T : never;

/** The parts of a Yjs transaction the effect is read from. */
export interface AppliedTransaction {
  changed: Map<SharedType, Set<string | null>>;
}

/**
 * The changes `transaction` made to `after`, compared with `before` (a doc in
 * the state `after` had before the transaction, e.g. the live board when
 * `after` is its staging replica).
 *
 * Completeness rests on how Yjs records a transaction: every item it
 * integrates or deletes adds (its parent type, its key) to
 * `transaction.changed`, except inside types that were created in the same
 * transaction (read here as part of the new entry) or that were already
 * deleted (no effect on what anyone reads). Deletions cascading from a
 * deleted record are covered by that record's `entry-delete`.
 */
export function readEffect(transaction: AppliedTransaction, before: Y.Doc, after: Y.Doc): Change[] {
  const changes: Change[] = [];
  for (const [type, keys] of transaction.changed) {
    const owner = type._item;
    if (owner === null) {
      const root = rootName(after, type);
      for (const key of keys) changes.push(rootChange(before, root, type, key));
      continue;
    }
    // Changed, then deleted in the same transaction: the record's own deletion says it all.
    if (owner.deleted) continue;
    const parent = owner.parent as SharedType;
    if (parent._item !== null || owner.parentSub === null) {
      changes.push({ kind: 'unsupported', detail: 'nested deeper than the board layout' });
      continue;
    }
    const root = rootName(after, parent);
    const beforeOwner = Y.getItem(before.store, owner.id) as Y.Item | Y.GC;
    const beforeType = beforeOwner instanceof Y.Item && beforeOwner.content instanceof Y.ContentType ? beforeOwner.content.type : undefined;
    for (const field of keys) {
      changes.push(fieldChange(root, owner.parentSub, beforeType, type, field));
    }
  }
  return changes;
}

function rootChange(before: Y.Doc, root: string, afterType: SharedType, key: string | null): Change {
  if (key === null) return { kind: 'unsupported', detail: `list content in root ${root}` };
  const beforeType = before.share.get(root);
  const was = visible(beforeType, key);
  const now = visible(afterType, key);
  if (sameItem(was, now)) return { kind: 'touch', root, key, field: null };
  if (!now) return { kind: 'entry-delete', root, key };
  const value = valueOf(now);
  const fields = new Map<string, unknown>();
  if (!(value instanceof Y.AbstractType)) return { kind: 'entry', root, key, isMap: false, value, fields };
  if (!(value instanceof Y.Map) || value._start !== null) {
    return { kind: 'unsupported', detail: `${root}/${key} is not a plain record` };
  }
  for (const [field, item] of value._map) {
    if (item.deleted) continue;
    const fieldValue = valueOf(item);
    if (fieldValue instanceof Y.AbstractType || fieldValue instanceof Y.Doc) {
      return { kind: 'unsupported', detail: `nested type in ${root}/${key}` };
    }
    fields.set(field, fieldValue);
  }
  return { kind: 'entry', root, key, isMap: true, value: undefined, fields };
}

function fieldChange(
  root: string, key: string, beforeType: SharedType | undefined, afterType: SharedType, field: string | null,
): Change {
  if (field === null) return { kind: 'unsupported', detail: `list content in ${root}/${key}` };
  const was = visible(beforeType, field);
  const now = visible(afterType, field);
  if (sameItem(was, now)) return { kind: 'touch', root, key, field };
  if (!now) return { kind: 'field-delete', root, key, field };
  const value = valueOf(now);
  if (value instanceof Y.AbstractType || value instanceof Y.Doc) {
    return { kind: 'unsupported', detail: `nested type in ${root}/${key}` };
  }
  return { kind: 'field', root, key, field, value };
}

/** The item a map key shows (the one readers see), if any. */
function visible(type: SharedType | undefined, key: string): Y.Item | undefined {
  const item = type?._map.get(key);
  return item && !item.deleted ? item : undefined;
}

function sameItem(a: Y.Item | undefined, b: Y.Item | undefined): boolean {
  if (!a || !b) return a === b;
  return a.id.client === b.id.client && a.id.clock === b.id.clock;
}

/** What `map.get(key)` returns for this item: the last of its content. */
function valueOf(item: Y.Item): unknown {
  const content = item.content.getContent();
  return content[content.length - 1];
}

/** The name under which `type` is a root of `doc` (Yjs may create roots of any name from an update). */
function rootName(doc: Y.Doc, type: SharedType): string {
  for (const [name, root] of doc.share) if (root === type) return name;
  return '';
}
