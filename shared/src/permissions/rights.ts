import { PHASE_ABILITIES } from '../phases.js';
import type { Role } from '../protocol.js';
import type { Session, Voting } from '../schema/session.js';

/**
 * What one person may do on the board right now. Decided here only: the
 * server's rules (rules.ts) refuse what this denies, and the client offers
 * only what this allows, so what a screen shows and what the server accepts
 * cannot disagree. What depends on the change itself (whose key, how many
 * dots) is judged with the change: see R4, R5, R8, R9, R10 in rules.ts.
 */
export interface Rights {
  /** Whose rights these are. */
  memberId: string;
  /** Changes the board at all (viewers never do: R1). */
  change: boolean;
  /**
   * Structure, settings, phase, timer, voting, groups, anyone's notes, status
   * and confirmed owners (R2, R12). Facilitators may do it in every phase.
   */
  facilitate: boolean;
  /** Adds notes, and edits, moves and deletes their own (R6). */
  writeNotes: boolean;
  /** New notes go to their private drafts: the board refuses them (R7). */
  drafting: boolean;
  /** Spends and takes back their own dots: voting is open and the phase lets them vote (R6). */
  vote: boolean;
  /** Proposes an owner department for a note (R6). */
  propose: boolean;
}

/**
 * The rights of `memberId` with `role` under `session`. Facilitators can do
 * everything in every phase (they vote as anyone else: only while voting is
 * open); viewers nothing; participants what the phase allows (PHASE_ABILITIES).
 */
export function rightsOf(role: Role, session: Pick<Session, 'phase' | 'privateWriting' | 'voting'>, memberId: string): Rights {
  const facilitate = role === 'facilitator';
  const participant = role === 'participant';
  const abilities = PHASE_ABILITIES[session.phase];
  const writeNotes = facilitate || (participant && abilities.writeNotes);
  return {
    memberId,
    change: facilitate || participant,
    facilitate,
    writeNotes,
    drafting: participant && session.privateWriting,
    vote: session.voting?.open === true && (facilitate || (participant && abilities.vote)),
    propose: facilitate || (participant && abilities.propose),
  };
}

/** May change (edit, move, delete) a note written by `authorId` (R4, R6). */
export function mayEditNote(rights: Pick<Rights, 'memberId' | 'facilitate' | 'writeNotes'>, authorId: string): boolean {
  return rights.facilitate || (rights.writeNotes && authorId === rights.memberId);
}

/**
 * One more of one's own dots on a note that holds `mine` of them would be
 * accepted (R6, R10): one may vote, has a dot left (`votesLeft`), and the cap
 * per note is not reached.
 */
export function mayAddDot(rights: Rights, voting: Voting | null, left: number, mine: number): boolean {
  const cap = voting?.capPerNote ?? null;
  return rights.vote && left > 0 && (cap === null || mine < cap);
}
