import * as Y from 'yjs';
import { UpdateSplitter } from './update-split.js';

/** Work done per task before yielding to the event loop (what else is waiting: messages, requests). */
export const SLICE_MS = 8;

/** Structs per part: applying one takes ~1-5 ms on this project's 2-core machine. */
const STRUCTS_PER_PART = 250;

/** Structs read per step while cutting an update into parts (reading is far cheaper than applying). */
const SCAN_STEP = 2_000;

/** Stored updates smaller than this are applied whole (the rows appended between two compactions). */
const WHOLE_BYTES = 16 * 1024;

/**
 * Parked structs (waiting for a dependency in a later part) are merged and
 * retried with every part Yjs applies after them. Past this many bytes of
 * them, the rest of that update is applied at once instead: one long task
 * rather than parts x parked work. Never seen with the server's own
 * encodings, whose parts come in dependency order.
 */
const MAX_PARKED_BYTES = 64 * 1024;

export interface SliceOptions {
  /** Asked before each task: false stops the work (the doc is being thrown away); the promise then rejects. */
  stillWanted?: () => boolean;
}

/**
 * Applies stored updates (a snapshot and the rows after it, V1 as the server
 * writes them) to `doc` in tasks of about `SLICE_MS`, so that loading a large
 * board never holds the event loop for long: all at once, a 2,000-note board
 * takes ~100-350 ms and the largest state a restore accepts (250,000 structs)
 * 0.8-2 s. Big updates are read and cut at struct boundaries
 * (`UpdateSplitter`), in dependency order, and the parts applied in turn:
 * they build the same document as the whole. Bytes the splitter cannot read
 * are applied whole, as before (Yjs then decides, as it always did).
 */
export async function applyInSlices(
  doc: Y.Doc, updates: readonly Uint8Array[], origin: unknown, options: SliceOptions = {},
): Promise<void> {
  let deadline = performance.now() + SLICE_MS;
  const breathe = async () => {
    if (performance.now() < deadline) return;
    await new Promise((resolve) => setImmediate(resolve));
    if (options.stillWanted && !options.stillWanted()) throw new Error('no longer wanted');
    deadline = performance.now() + SLICE_MS;
  };
  const apply = (update: Uint8Array) => Y.applyUpdate(doc, update, origin);
  for (const update of updates) {
    if (update.byteLength < WHOLE_BYTES) {
      apply(update);
      await breathe();
      continue;
    }
    let parts: Uint8Array[];
    try {
      const splitter = new UpdateSplitter(update, STRUCTS_PER_PART);
      while (!splitter.scan(SCAN_STEP)) await breathe();
      parts = splitter.parts();
    } catch (error) {
      if (options.stillWanted && !options.stillWanted()) throw error;
      parts = [update];
    }
    for (let i = 0; i < parts.length; i++) {
      apply(parts[i]!);
      const parked = doc.store.pendingStructs;
      if (parked !== null && parked.update.byteLength > MAX_PARKED_BYTES) {
        doc.transact(() => {
          for (const rest of parts.slice(i + 1)) apply(rest);
        }, origin);
        break;
      }
      await breathe();
    }
  }
}
