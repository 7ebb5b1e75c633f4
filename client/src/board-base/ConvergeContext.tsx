import { createContext, useContext, useMemo } from 'react';
import {
  castVote, mayAddDot, retractVote, rightsOf, votesLeft, type BoardSnapshot, type Role, type Voting,
} from '../../../shared/src/index.js';
import type { BoardActions } from './BoardContext.js';

/** What one note's dots look like to us. `total` is null while totals are hidden from us. */
export interface NoteDots {
  total: number | null;
  mine: number;
}

/**
 * The converging tools (votes, owners, status, merge) as this person may use
 * them right now. Built once per board snapshot and shared by the canvas, the
 * inspector and the phone list, so all three offer exactly the same actions,
 * and never one the server would refuse.
 */
export interface Converge {
  /** The board doc's snapshot (never private drafts: they cannot be voted on or owned yet). */
  snapshot: BoardSnapshot;
  myId: string;
  facilitator: boolean;
  voting: Voting | null;
  /** We may spend and take back dots now. */
  canVote: boolean;
  /** Voting is open, but this phase does not let participants vote. */
  votingBlockedByPhase: boolean;
  /** We may propose an owner now. */
  canPropose: boolean;
  /** Dots we can still spend. */
  left: number;
  /** Totals are hidden from everyone until voting closes: we see only our own dots. */
  hidden: boolean;
  dots(noteId: string): NoteDots;
  /** One more of our dots would be accepted on this note. */
  canAdd(noteId: string): boolean;
  addDot(noteId: string): void;
  removeDot(noteId: string): void;
}

export const ConvergeContext = createContext<Converge | undefined>(undefined);

export function useConverge(): Converge {
  const value = useContext(ConvergeContext);
  if (!value) throw new Error('useConverge outside a board');
  return value;
}

/** Builds the Converge value for the board screen: what `rightsOf` allows us, as the server's rules do. */
export function useConvergeState(snapshot: BoardSnapshot, role: Role, myId: string, run: BoardActions['run']): Converge {
  return useMemo(() => {
    const rights = rightsOf(role, snapshot.session, myId);
    const facilitator = rights.facilitate;
    const voting = snapshot.session.voting;
    const canVote = rights.vote;
    const left = votesLeft(snapshot, myId);
    const hidden = voting?.open === true && voting.hideResults;
    const dots = (noteId: string): NoteDots => {
      const tally = snapshot.votesByNote.get(noteId);
      const mine = tally?.byMember.get(myId) ?? 0;
      return { total: hidden ? null : (tally?.total ?? 0), mine };
    };
    return {
      snapshot, myId, facilitator, voting, canVote, left, hidden, dots,
      votingBlockedByPhase: voting?.open === true && role === 'participant' && !rights.vote,
      canPropose: rights.propose,
      canAdd: (noteId) => snapshot.notesById.has(noteId) && mayAddDot(rights, voting, left, dots(noteId).mine),
      addDot: (noteId) => void run((d, o) => castVote(d, noteId, myId, o)),
      removeDot: (noteId) => void run((d, o) => retractVote(d, noteId, myId, o)),
    };
  }, [snapshot, role, myId, run]);
}
