import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { mayEditNote, rightsOf, type BoardSnapshot, type Note, type Role } from '../../../shared/src/index.js';

export interface BoardRights {
  /** Facilitators only: segments, stages, session, anyone's notes. */
  canStructure: boolean;
  /** May write notes now (facilitators always; participants while the phase allows it). */
  canEdit: boolean;
  /** May change this note: participants only their own (the server refuses the rest anyway). */
  canEditNote: (note: Note) => boolean;
  /** Why a participant cannot write now, shown instead of the note tools. */
  blockedReason: string | undefined;
  /** Participants' new notes are private drafts while private writing is on. */
  drafting: boolean;
}

/**
 * What this person may do on the board, from their role and the session
 * (`rightsOf`, the rights the server's rules enforce too). The UI only hides
 * what would be refused: the server checks every change again, so these are
 * conveniences, not the security boundary.
 */
export function useBoardRights(role: Role, session: BoardSnapshot['session'], myId: string): BoardRights {
  const { t } = useTranslation();
  const { facilitate, writeNotes, drafting } = rightsOf(role, session, myId);
  const canEditNote = useCallback(
    (note: Note) => mayEditNote({ memberId: myId, facilitate, writeNotes }, note.authorId),
    [facilitate, writeNotes, myId],
  );
  const blockedReason = role === 'participant' && !writeNotes ? t('phases.writingClosed') : undefined;
  return { canStructure: facilitate, canEdit: writeNotes, canEditNote, blockedReason, drafting };
}
