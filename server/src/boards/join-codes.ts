import { randomInt } from 'node:crypto';
import { JOIN_CODE_ALPHABET, JOIN_CODE_LENGTH } from '../../../shared/src/index.js';
import type { BoardStore, JoinCodeRow } from '../store/board-store.js';

/** A fresh code: JOIN_CODE_LENGTH symbols drawn uniformly (crypto) from the alphabet. */
export function newJoinCode(): string {
  let code = '';
  for (let i = 0; i < JOIN_CODE_LENGTH; i++) code += JOIN_CODE_ALPHABET[randomInt(JOIN_CODE_ALPHABET.length)];
  return code;
}

/** Draws at most this many codes before giving up: with 31^6 codes, even 10,000 boards clash once in ~89,000 draws. */
const DRAWS = 8;

/**
 * Join codes of boards: issuing (a new one replaces the old), opening and
 * closing. Uniqueness across boards is the store's (a UNIQUE column): a code
 * another board holds is refused there and a new one drawn.
 */
export class JoinCodes {
  constructor(
    private readonly store: BoardStore,
    private readonly draw: () => string = newJoinCode,
  ) {}

  async issue(boardId: string, now = Date.now()): Promise<JoinCodeRow> {
    for (let i = 0; i < DRAWS; i++) {
      const code = this.draw();
      const holder = await this.store.findJoinCode(code);
      if (holder) continue;
      try {
        await this.store.setJoinCode(boardId, code, now);
        return { code, open: true, createdAt: now };
      } catch (error) {
        // Another board took it between the check and the write: draw again. Any other failure is real.
        if (!(await this.store.findJoinCode(code))) throw error;
      }
    }
    throw new Error('no free join code found');
  }

  get(boardId: string): Promise<JoinCodeRow | undefined> {
    return this.store.getJoinCode(boardId);
  }

  /** Opens or closes joining; opening a board that has no code yet issues one. */
  async setOpen(boardId: string, open: boolean): Promise<JoinCodeRow | undefined> {
    if (await this.store.setJoinCodeOpen(boardId, open)) return this.store.getJoinCode(boardId);
    return open ? this.issue(boardId) : undefined;
  }

  /** The board a canonical code opens now: 'unknown' (no board has it) or 'closed'. */
  async find(code: string): Promise<{ boardId: string } | 'unknown' | 'closed'> {
    const found = await this.store.findJoinCode(code);
    if (!found) return 'unknown';
    return found.open ? { boardId: found.boardId } : 'closed';
  }
}
