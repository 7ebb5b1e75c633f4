import * as Y from 'yjs';
import { ROOT, readBoard, roots, setLogo, systemOrigin, type BrandLogo } from '../../../shared/src/index.js';
import { checkLogo } from '../brand/logo-check.js';
import { BackupRefused } from './backup-upload.js';
import { scanUpdate, type Scan, type ScanLimits } from '../sync/update-scan.js';

const KNOWN_ROOTS = new Set<string>(Object.values(ROOT));

/**
 * Turns a stored or uploaded board state into the state of a new board:
 * structure, notes, votes, proposals, commitments and feedback are kept; who
 * was connected (members, breakout groups) and the live session (timer,
 * spotlight, private writing) are not, since they belong to the old board's
 * people. Throws BackupRefused with a reason for the uploader.
 *
 * Pure CPU work on bytes: the server runs it for uploads in a worker thread
 * (restore-runner.ts), never on the thread that serves boards.
 */
export function prepareRestore(state: Uint8Array, title: string | undefined, now: number): Uint8Array {
  refuseUnlikeAnExport(state);
  const source = new Y.Doc({ gc: true });
  try {
    try {
      Y.applyUpdate(source, state);
    } catch {
      throw new BackupRefused('unreadable', 'the backup could not be read');
    }
    // Structs waiting for missing dependencies would be stored and applied
    // later without anyone reading them: an export never has any.
    if (source.store.pendingStructs !== null || source.store.pendingDs !== null) {
      throw new BackupRefused('incomplete', 'the backup is incomplete (it refers to content it does not hold)');
    }
    const unknown = [...source.share.keys()].filter((key) => !KNOWN_ROOTS.has(key));
    if (unknown.length > 0) throw new BackupRefused('outside-layout', 'the backup holds data outside the board layout');
    const board = readBoard(source);
    if (board.meta.title === '' && board.segments.length === 0 && board.notesById.size === 0) {
      throw new BackupRefused('empty', 'the backup holds no board');
    }
    source.transact(() => {
      const r = roots(source);
      for (const key of [...r.members.keys()]) r.members.delete(key);
      for (const key of [...r.groups.keys()]) r.groups.delete(key);
      for (const key of ['timer', 'spotlight', 'privateWriting']) r.session.delete(key);
      r.meta.set('createdAt', now);
      if (title !== undefined) r.meta.set('title', title);
      // The logo is trusted only once decoded here (R13 keeps clients from writing it; a backup is
      // anyone's file): a sound one is stored as the upload endpoint would store it, anything else is dropped.
      if (r.brand.has('logo') || r.brand.has('logoType')) setLogo(source, soundLogo(r.brand.get('logo')), systemOrigin('copy'));
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

function soundLogo(bytes: unknown): BrandLogo | null {
  if (!(bytes instanceof Uint8Array)) return null;
  try {
    return checkLogo(bytes);
  } catch {
    return null;
  }
}

/**
 * What a restored state may hold: ten times a big workshop board (2,000 notes
 * are ~30,000 structs with their history), so no real board comes near it,
 * while a crafted one of hundreds of thousands of tiny items is refused before
 * a doc of it is built (counted by one pass that allocates almost nothing).
 */
const RESTORE_LIMITS: ScanLimits = {
  maxStructs: 250_000,
  maxClients: 20_000,
  maxDeleteRanges: 1_000_000,
  maxPerAnchor: Number.POSITIVE_INFINITY,
};

/**
 * Refuses, before anything is applied, a state that is not what an export
 * writes. Yjs applies a delete set range by range, walking the structs each
 * range covers, and does not merge ranges first: repeated or overlapping
 * ranges cost ranges x structs (a 0.85 MiB upload held the server 7 s). An
 * exported state has each client's ranges sorted and disjoint.
 */
function refuseUnlikeAnExport(state: Uint8Array): void {
  let scan: Scan;
  try {
    scan = scanUpdate(state, RESTORE_LIMITS);
  } catch {
    throw new BackupRefused('unreadable', 'the backup could not be read');
  }
  if (!scan.ok) throw new BackupRefused('too-big', `the backup is larger than any workshop board: ${scan.reason}`);
  if (!scan.deleteSetSorted) {
    throw new BackupRefused('unreadable', 'the backup could not be read (its deletions overlap: not an exported board)');
  }
}
