import * as encoding from 'lib0/encoding';
import * as Y from 'yjs';

/**
 * Yjs V1 updates taken apart and put back together by hand, so a test can
 * send exactly what a hostile client would: several blocks for one client,
 * GC or Skip placeholders over ids the server already holds, items whose
 * origin is a later clock of the same update, any delete set.
 */
export type Struct = Y.Item | Y.GC | Y.Skip;

/** A run of structs of one client starting at `clock` (the V1 format's unit). */
export interface Block {
  client: number;
  clock: number;
  structs: Struct[];
}

/** Delete ranges per client. Repeated and overlapping ranges are kept as given. */
export type DeleteRanges = [client: number, ranges: [clock: number, len: number][]][];

/** Encodes blocks in the given order (Yjs itself writes one block per client, higher ids first). */
export function encodeV1(blocks: readonly Block[], deletes: DeleteRanges = []): Uint8Array {
  const encoder = new Y.UpdateEncoderV1();
  const rest = encoder.restEncoder;
  encoding.writeVarUint(rest, blocks.length);
  for (const block of blocks) {
    encoding.writeVarUint(rest, block.structs.length);
    encoder.writeClient(block.client);
    encoding.writeVarUint(rest, block.clock);
    for (const s of block.structs) s.write(encoder, 0);
  }
  encoding.writeVarUint(rest, deletes.length);
  for (const [client, ranges] of deletes) {
    encoding.writeVarUint(rest, client);
    encoding.writeVarUint(rest, ranges.length);
    for (const [clock, len] of ranges) {
      encoder.writeDsClock(clock);
      encoder.writeDsLen(len);
    }
  }
  return encoder.toUint8Array();
}

/** The structs of an update, grouped into runs of one client with contiguous clocks, and its delete set. */
export function decodeV1(update: Uint8Array): { blocks: Block[]; deletes: DeleteRanges } {
  const { structs, ds } = Y.decodeUpdate(update) as {
    structs: Struct[];
    ds: { clients: Map<number, { clock: number; len: number }[]> };
  };
  const blocks: Block[] = [];
  for (const s of structs) {
    const last = blocks[blocks.length - 1];
    const end = last ? last.structs[last.structs.length - 1]! : undefined;
    if (last && end && end.id.client === s.id.client && end.id.clock + end.length === s.id.clock) last.structs.push(s);
    else blocks.push({ client: s.id.client, clock: s.id.clock, structs: [s] });
  }
  const deletes: DeleteRanges = [...ds.clients].map(([client, items]) => [client, items.map((d) => [d.clock, d.len])]);
  return { blocks, deletes };
}

export const gc = (client: number, clock: number, length: number): Y.GC => new Y.GC(Y.createID(client, clock), length);
export const skip = (client: number, clock: number, length: number): Y.Skip => new Y.Skip(Y.createID(client, clock), length);

/**
 * A map write made by hand. With an origin, Yjs takes parent and key from the
 * origin item (nothing else is encoded); without one, from `parent` (a root
 * name or the id of the record's Y.Map item) and `key`.
 */
export function mapItem(
  id: Y.ID,
  at: { origin: Y.ID } | { parent: string | Y.ID; key: string },
  value: unknown,
): Y.Item {
  const content = new Y.ContentAny([value]);
  if ('origin' in at) return new Y.Item(id, null, at.origin, null, null, null, null, content);
  return new Y.Item(id, null, null, null, null, at.parent as unknown as Y.AbstractType<unknown>, at.key, content);
}

/** The id of the item holding `map[key]` right now (the one a write to that key would follow). */
export function valueItemId(map: Y.Map<unknown>, key: string): Y.ID {
  const item = map._map.get(key);
  if (!item) throw new Error(`no value for ${key}`);
  return item.id;
}
