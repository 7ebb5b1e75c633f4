import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';

/**
 * A single pass over a Yjs V1 update that counts what applying it would cost,
 * allocating almost nothing and stopping as soon as a limit is passed, so
 * that counting is never the expensive part. It reads the format Yjs writes
 * (yjs src/utils/encoding.js: readClientsStructRefs, readItemContent,
 * readDeleteSet). It decides *cost only*: if this reading ever differs from
 * Yjs's, the worst outcome is a wrong estimate. What an update may *do* is
 * judged on what Yjs integrated (staging-replica.ts).
 */
export interface ScanLimits {
  maxStructs: number;
  maxClients: number;
  maxDeleteRanges: number;
  /** Items placed against one neighbour (or one key without neighbours). Yjs compares each with all the others. */
  maxPerAnchor: number;
}

export type Scan =
  /**
   * `deleteSetAt`: where the delete set starts. `written`: per client, the
   * clocks its last block covers (Yjs keeps only the last block of a client).
   * `deletedUpTo`: per client, the end of the furthest delete range.
   */
  | {
    ok: true; structs: number; deleteRanges: number; deleteSetSorted: boolean; deleteSetAt: number;
    written: Map<number, { from: number; to: number }>; deletedUpTo: Map<number, number>;
  }
  | { ok: false; reason: string };

export const BITS5 = 31;
export const HAS_ORIGIN = 0x80;
export const HAS_RIGHT_ORIGIN = 0x40;
export const HAS_PARENT_SUB = 0x20;
export const CONTENT_GC = 0;
export const CONTENT_SKIP = 10;
/** Type refs that carry a name (XmlElement, XmlHook). */
const NAMED_TYPE_REFS = new Set([3, 5]);

export function scanUpdate(update: Uint8Array, limits: ScanLimits): Scan {
  const d = decoding.createDecoder(update);
  const blocks = decoding.readVarUint(d);
  const clients = new Set<number>();
  const anchors = new Map<string, number>();
  const written = new Map<number, { from: number; to: number }>();
  const deletedUpTo = new Map<number, number>();
  let structs = 0;
  for (let b = 0; b < blocks; b++) {
    const count = decoding.readVarUint(d);
    const client = decoding.readVarUint(d);
    clients.add(client);
    if (clients.size > limits.maxClients) return { ok: false, reason: `update writes as too many clients (more than ${limits.maxClients})` };
    const from = decoding.readVarUint(d);
    let to = from;
    structs += count;
    if (structs > limits.maxStructs) return { ok: false, reason: `update too large (${structs} items, at most ${limits.maxStructs})` };
    for (let s = 0; s < count; s++) {
      const info = decoding.readUint8(d);
      const content = info & BITS5;
      if (content === CONTENT_GC || content === CONTENT_SKIP) {
        to += decoding.readVarUint(d);
        continue;
      }
      let anchor: string;
      if (info & HAS_ORIGIN) {
        anchor = `o${decoding.readVarUint(d)}:${decoding.readVarUint(d)}`;
        if (info & HAS_RIGHT_ORIGIN) skipId(d);
      } else if (info & HAS_RIGHT_ORIGIN) {
        anchor = `r${decoding.readVarUint(d)}:${decoding.readVarUint(d)}`;
      } else {
        const parent = decoding.readVarUint(d) === 1 ? `n${decoding.readVarString(d)}` : `i${decoding.readVarUint(d)}:${decoding.readVarUint(d)}`;
        anchor = info & HAS_PARENT_SUB ? `${parent}/${decoding.readVarString(d)}` : parent;
      }
      const placed = (anchors.get(anchor) ?? 0) + 1;
      if (placed > limits.maxPerAnchor) return { ok: false, reason: `update places too many items at one spot (more than ${limits.maxPerAnchor})` };
      anchors.set(anchor, placed);
      to += skipContent(d, content);
    }
    written.set(client, { from, to });
  }
  const deleteSetAt = d.pos;
  const dsClients = decoding.readVarUint(d);
  let deleteRanges = 0;
  let deleteSetSorted = true;
  for (let c = 0; c < dsClients; c++) {
    const client = decoding.readVarUint(d);
    const ranges = decoding.readVarUint(d);
    deleteRanges += ranges;
    if (deleteRanges > limits.maxDeleteRanges) return { ok: false, reason: `update deletes too many ranges (more than ${limits.maxDeleteRanges})` };
    let end = -1;
    for (let r = 0; r < ranges; r++) {
      const clock = decoding.readVarUint(d);
      const len = decoding.readVarUint(d);
      if (clock < end) deleteSetSorted = false;
      end = Math.max(end, clock + len);
    }
    deletedUpTo.set(client, Math.max(end, deletedUpTo.get(client) ?? 0));
  }
  return { ok: true, structs, deleteRanges, deleteSetSorted, deleteSetAt, written, deletedUpTo };
}

function skipId(d: decoding.Decoder): void {
  decoding.readVarUint(d);
  decoding.readVarUint(d);
}

/** Reads past one item's content and returns its length in clocks (what Yjs's `content.getLength()` says). */
export function skipContent(d: decoding.Decoder, ref: number): number {
  switch (ref) {
    case 1: // deleted: length
      return decoding.readVarUint(d);
    case 2: { // JSON: strings
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) decoding.readVarString(d);
      return n;
    }
    case 3: // binary
      decoding.readVarUint8Array(d);
      return 1;
    case 4: // string: one clock per UTF-16 unit
      return decoding.readVarString(d).length;
    case 5: // embed (JSON text)
      decoding.readVarString(d);
      return 1;
    case 6: // format: key, JSON text
      decoding.readVarString(d);
      decoding.readVarString(d);
      return 1;
    case 7: { // type
      const typeRef = decoding.readVarUint(d);
      if (NAMED_TYPE_REFS.has(typeRef)) decoding.readVarString(d);
      return 1;
    }
    case 8: { // any values
      const n = decoding.readVarUint(d);
      for (let i = 0; i < n; i++) decoding.readAny(d);
      return n;
    }
    case 9: // subdocument: guid, options
      decoding.readVarString(d);
      decoding.readAny(d);
      return 1;
    default:
      throw new Error(`unknown content type ${ref}`);
  }
}

/**
 * Whether applying an update with this scan to a doc whose state vector is
 * `state` leaves something pending for certain: a client's (last) block
 * starts past what the doc has, or a deletion reaches past what the doc and
 * the update hold. Refusing those before staging saves rebuilding the staging
 * replica; staging still catches whatever this misses.
 */
export function surelyPending(scan: Extract<Scan, { ok: true }>, state: (client: number) => number): boolean {
  for (const [client, { from }] of scan.written) if (from > state(client)) return true;
  for (const [client, upTo] of scan.deletedUpTo) {
    const block = scan.written.get(client);
    if (upTo > Math.max(state(client), block ? block.to : 0)) return true;
  }
  return false;
}

/**
 * The same update with its delete set sorted and merged (overlapping and
 * repeated ranges become one), so applying it visits each struct once.
 * `at` is where the delete set starts (from `scanUpdate`).
 */
export function withMergedDeleteSet(update: Uint8Array, at: number): Uint8Array {
  const d = decoding.createDecoder(update.subarray(at));
  // Per client: the longest range starting at each clock. A flooded delete set
  // repeats few clocks, so this stays small, and the clocks are then sorted as
  // a typed array (a numeric sort without a comparator or a tuple per range).
  const byClient = new Map<number, Map<number, number>>();
  const clients = decoding.readVarUint(d);
  for (let c = 0; c < clients; c++) {
    const client = decoding.readVarUint(d);
    let lens = byClient.get(client);
    if (!lens) byClient.set(client, (lens = new Map()));
    const ranges = decoding.readVarUint(d);
    for (let r = 0; r < ranges; r++) {
      const clock = decoding.readVarUint(d);
      const len = decoding.readVarUint(d);
      if (len > (lens.get(clock) ?? -1)) lens.set(clock, len);
    }
  }
  const e = encoding.createEncoder();
  encoding.writeUint8Array(e, update.subarray(0, at));
  encoding.writeVarUint(e, byClient.size);
  for (const [client, lens] of byClient) {
    const clocks = Float64Array.from(lens.keys()).sort();
    const merged: number[] = [];
    for (const clock of clocks) {
      const len = lens.get(clock)!;
      const n = merged.length;
      if (n > 0 && clock <= merged[n - 2]! + merged[n - 1]!) merged[n - 1] = Math.max(merged[n - 1]!, clock + len - merged[n - 2]!);
      else merged.push(clock, len);
    }
    encoding.writeVarUint(e, client);
    encoding.writeVarUint(e, merged.length / 2);
    for (let i = 0; i < merged.length; i += 2) {
      encoding.writeVarUint(e, merged[i]!);
      encoding.writeVarUint(e, merged[i + 1]!);
    }
  }
  return encoding.toUint8Array(e);
}
