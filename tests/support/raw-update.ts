import * as encoding from 'lib0/encoding';

/**
 * Writes Yjs V1 updates struct by struct, for attacks that no Y.Doc would
 * produce: repeated delete ranges, thousands of placeholders, items on any
 * key under any client id. Format: yjs src/utils/encoding.js (writeClientsStructs,
 * writeDeleteSet) and the Item/GC/Skip `write` methods.
 */
export type RawStruct =
  | { kind: 'gc'; len: number }
  | { kind: 'skip'; len: number }
  /** A map item with a plain value: under root `parent` (a name) or nested map `parent` (an id), at `key`. */
  | { kind: 'any'; parent?: string | { client: number; clock: number }; key?: string; origin?: { client: number; clock: number }; value: unknown }
  | { kind: 'deleted'; parent?: string; key?: string; origin?: { client: number; clock: number }; len: number };

export interface RawBlock {
  client: number;
  clock: number;
  structs: RawStruct[];
}

export function rawUpdate(blocks: RawBlock[], deletes: { client: number; ranges: [clock: number, len: number][] }[] = []): Uint8Array {
  const e = encoding.createEncoder();
  encoding.writeVarUint(e, blocks.length);
  for (const block of blocks) {
    encoding.writeVarUint(e, block.structs.length);
    encoding.writeVarUint(e, block.client);
    encoding.writeVarUint(e, block.clock);
    for (const s of block.structs) writeStruct(e, s);
  }
  encoding.writeVarUint(e, deletes.length);
  for (const d of deletes) {
    encoding.writeVarUint(e, d.client);
    encoding.writeVarUint(e, d.ranges.length);
    for (const [clock, len] of d.ranges) {
      encoding.writeVarUint(e, clock);
      encoding.writeVarUint(e, len);
    }
  }
  return encoding.toUint8Array(e);
}

function writeStruct(e: encoding.Encoder, s: RawStruct): void {
  if (s.kind === 'gc' || s.kind === 'skip') {
    encoding.writeUint8(e, s.kind === 'gc' ? 0 : 10);
    encoding.writeVarUint(e, s.len);
    return;
  }
  const contentRef = s.kind === 'any' ? 8 : 1;
  const info = contentRef | (s.origin ? 0x80 : 0) | (!s.origin && s.key !== undefined ? 0x20 : 0);
  encoding.writeUint8(e, info);
  if (s.origin) {
    encoding.writeVarUint(e, s.origin.client);
    encoding.writeVarUint(e, s.origin.clock);
  } else {
    if (typeof s.parent === 'string') {
      encoding.writeVarUint(e, 1);
      encoding.writeVarString(e, s.parent);
    } else {
      encoding.writeVarUint(e, 0);
      encoding.writeVarUint(e, s.parent!.client);
      encoding.writeVarUint(e, s.parent!.clock);
    }
    if (s.key !== undefined) encoding.writeVarString(e, s.key);
  }
  if (s.kind === 'any') {
    encoding.writeVarUint(e, 1);
    encoding.writeAny(e, s.value as never);
  } else {
    encoding.writeVarUint(e, s.len);
  }
}
