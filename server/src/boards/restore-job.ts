import * as Y from 'yjs';
import { OperationError, ROOT, readBoard, roots, systemOrigin } from '../../../shared/src/index.js';

const KNOWN_ROOTS = new Set<string>(Object.values(ROOT));

/**
 * Turns a stored or uploaded board state into the state of a new board:
 * structure, notes, votes, proposals, commitments and feedback are kept; who
 * was connected (members, breakout groups) and the live session (timer,
 * spotlight, private writing) are not, since they belong to the old board's
 * people. Throws OperationError('invalid') with a reason for the uploader.
 *
 * Pure CPU work on bytes: the server runs it for uploads in a worker thread
 * (restore-runner.ts), never on the thread that serves boards.
 */
export function prepareRestore(state: Uint8Array, title: string | undefined, now: number): Uint8Array {
  refuseUnnormalisedDeletes(state);
  const source = new Y.Doc({ gc: true });
  try {
    try {
      Y.applyUpdate(source, state);
    } catch {
      throw new OperationError('invalid', 'the backup could not be read');
    }
    // Structs waiting for missing dependencies would be stored and applied
    // later without anyone reading them: an export never has any.
    if (source.store.pendingStructs !== null || source.store.pendingDs !== null) {
      throw new OperationError('invalid', 'the backup is incomplete (it refers to content it does not hold)');
    }
    const unknown = [...source.share.keys()].filter((key) => !KNOWN_ROOTS.has(key));
    if (unknown.length > 0) throw new OperationError('invalid', 'the backup holds data outside the board layout');
    const board = readBoard(source);
    if (board.meta.title === '' && board.segments.length === 0 && board.notesById.size === 0) {
      throw new OperationError('invalid', 'the backup holds no board');
    }
    source.transact(() => {
      const r = roots(source);
      for (const key of [...r.members.keys()]) r.members.delete(key);
      for (const key of [...r.groups.keys()]) r.groups.delete(key);
      for (const key of ['timer', 'spotlight', 'privateWriting']) r.session.delete(key);
      r.meta.set('createdAt', now);
      if (title !== undefined) r.meta.set('title', title);
    }, systemOrigin('copy'));
    // Re-encoded through a fresh doc so the new board does not carry the old history's deleted content.
    const fresh = new Y.Doc();
    Y.applyUpdate(fresh, Y.encodeStateAsUpdate(source));
    const result = Y.encodeStateAsUpdate(fresh);
    fresh.destroy();
    return result;
  } finally {
    source.destroy();
  }
}

/**
 * Yjs applies a delete set range by range, walking the structs each range
 * covers, and does not merge ranges first: repeated or overlapping ranges cost
 * ranges x structs (a 0.85 MiB upload held the server 7 s). An exported state
 * has each client's ranges sorted and disjoint, so anything else is refused
 * before it is applied.
 */
function refuseUnnormalisedDeletes(state: Uint8Array): void {
  let ds: { clients: Map<number, { clock: number; len: number }[]> };
  try {
    ds = Y.decodeUpdate(state).ds as unknown as typeof ds;
  } catch {
    throw new OperationError('invalid', 'the backup could not be read');
  }
  for (const ranges of ds.clients.values()) {
    for (let i = 1; i < ranges.length; i++) {
      const previous = ranges[i - 1]!;
      if (ranges[i]!.clock < previous.clock + previous.len) {
        throw new OperationError('invalid', 'the backup could not be read (its deletions overlap: not an exported board)');
      }
    }
  }
}
