import * as decoding from 'lib0/decoding';
import * as encoding from 'lib0/encoding';
import { BITS5, CONTENT_GC, CONTENT_SKIP, HAS_ORIGIN, HAS_PARENT_SUB, HAS_RIGHT_ORIGIN, skipContent } from './update-scan.js';

interface Block {
  client: number;
  /** Byte offset where each struct ends. */
  ends: number[];
  /** Clock of each struct, and the clock after the last. */
  clocks: number[];
  /** Byte offset of the first struct. */
  start: number;
  /** Other clients this block's structs point at (neighbours, parents). */
  deps: Set<number>;
}

const EMPTY_DELETE_SET = new Uint8Array([0]);

/**
 * Cuts a V1 update (as `Y.encodeStateAsUpdate` writes it) into updates of at
 * most about `maxStructs` structs each, at struct boundaries; the delete set
 * goes with the last one. Applied one after the other, they build the same
 * document as the whole. Clients are ordered so that, as far as possible, a
 * client comes after the clients its structs point at: Yjs parks a struct
 * whose dependency has not arrived and retries the parked structs with every
 * later part, so dependencies first keeps that rare.
 *
 * Resumable: `scan(budget)` reads at most `budget` structs per call, so that
 * reading a large board (a few MB) can be spread over several tasks as well.
 * Throws on bytes it cannot read.
 */
export class UpdateSplitter {
  private readonly d: decoding.Decoder;
  private readonly blocks: Block[] = [];
  private clientsLeft: number;
  private current: { block: Block; left: number; clock: number } | undefined;

  constructor(private readonly update: Uint8Array, private readonly maxStructs: number) {
    this.d = decoding.createDecoder(update);
    this.clientsLeft = decoding.readVarUint(this.d);
  }

  /** Reads up to `budget` more structs; true once everything is read. */
  scan(budget: number): boolean {
    const d = this.d;
    let read = 0;
    while (read < budget) {
      if (!this.current) {
        if (this.clientsLeft === 0) return true;
        this.clientsLeft -= 1;
        const left = decoding.readVarUint(d);
        const client = decoding.readVarUint(d);
        const clock = decoding.readVarUint(d);
        const block: Block = { client, ends: [], clocks: [clock], start: d.pos, deps: new Set() };
        this.blocks.push(block);
        this.current = { block, left, clock };
      }
      const cur = this.current;
      const { block } = cur;
      while (cur.left > 0 && read < budget) {
        const info = decoding.readUint8(d);
        const content = info & BITS5;
        if (content === CONTENT_GC || content === CONTENT_SKIP) {
          cur.clock += decoding.readVarUint(d);
        } else {
          if (info & HAS_ORIGIN) dependOn(block, readIdClient(d));
          if (info & HAS_RIGHT_ORIGIN) dependOn(block, readIdClient(d));
          if ((info & (HAS_ORIGIN | HAS_RIGHT_ORIGIN)) === 0) {
            if (decoding.readVarUint(d) === 1) decoding.readVarString(d);
            else dependOn(block, readIdClient(d));
            if (info & HAS_PARENT_SUB) decoding.readVarString(d);
          }
          cur.clock += skipContent(d, content);
        }
        block.ends.push(d.pos);
        block.clocks.push(cur.clock);
        cur.left -= 1;
        read += 1;
      }
      if (cur.left === 0) this.current = undefined;
    }
    return this.clientsLeft === 0 && !this.current;
  }

  /** The parts, once `scan` has read everything. */
  parts(): Uint8Array[] {
    if (this.clientsLeft > 0 || this.current) throw new Error('update not fully scanned');
    const deleteSet = this.update.subarray(this.d.pos);
    const parts: Uint8Array[] = [];
    let pending: { client: number; clock: number; count: number; bytes: Uint8Array }[] = [];
    let inPart = 0;
    const flush = (withDeleteSet: boolean) => {
      const e = encoding.createEncoder();
      encoding.writeVarUint(e, pending.length);
      for (const b of pending) {
        encoding.writeVarUint(e, b.count);
        encoding.writeVarUint(e, b.client);
        encoding.writeVarUint(e, b.clock);
        encoding.writeUint8Array(e, b.bytes);
      }
      encoding.writeUint8Array(e, withDeleteSet ? deleteSet : EMPTY_DELETE_SET);
      parts.push(encoding.toUint8Array(e));
      pending = [];
      inPart = 0;
    };
    for (const block of dependencyOrder(this.blocks)) {
      let first = 0;
      while (first < block.ends.length) {
        const take = Math.min(block.ends.length - first, this.maxStructs - inPart);
        const from = first === 0 ? block.start : block.ends[first - 1]!;
        pending.push({ client: block.client, clock: block.clocks[first]!, count: take, bytes: this.update.subarray(from, block.ends[first + take - 1]!) });
        inPart += take;
        first += take;
        if (inPart >= this.maxStructs) flush(false);
      }
    }
    flush(true);
    return parts;
  }
}

/** `UpdateSplitter` in one go. */
export function splitUpdate(update: Uint8Array, maxStructs: number): Uint8Array[] {
  const splitter = new UpdateSplitter(update, maxStructs);
  splitter.scan(Number.POSITIVE_INFINITY);
  return splitter.parts();
}

function dependOn(block: Block, other: number): void {
  if (other !== block.client) block.deps.add(other);
}

function readIdClient(d: decoding.Decoder): number {
  const client = decoding.readVarUint(d);
  decoding.readVarUint(d);
  return client;
}

/**
 * Blocks ordered so each comes after those it depends on; where clients
 * depend on each other (a cycle), the one with the fewest dependencies not
 * yet placed goes next.
 */
function dependencyOrder(blocks: Block[]): Block[] {
  const present = new Set(blocks.map((b) => b.client));
  const placed = new Set<number>();
  const left = [...blocks];
  const order: Block[] = [];
  while (left.length > 0) {
    let best = 0;
    let bestMissing = Number.POSITIVE_INFINITY;
    for (let i = 0; i < left.length && bestMissing > 0; i++) {
      let missing = 0;
      for (const dep of left[i]!.deps) if (present.has(dep) && !placed.has(dep)) missing++;
      if (missing < bestMissing) {
        best = i;
        bestMissing = missing;
      }
    }
    const [next] = left.splice(best, 1);
    placed.add(next!.client);
    order.push(next!);
  }
  return order;
}
