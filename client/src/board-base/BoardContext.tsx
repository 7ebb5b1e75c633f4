import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Author, Note, Origin, Role } from '../../../shared/src/index.js';
import type { NoteCommands } from './useNoteCommands.js';

/**
 * What every board control needs to act: the doc, the single local origin
 * object (undo tracks exactly it), who we are, and `run`, which performs one
 * op and turns an OperationError into a toast instead of a crash.
 */
export interface BoardActions {
  doc: Y.Doc;
  origin: Origin;
  role: Role;
  author: Author;
  /** Facilitators, and participants when the phase allows writing; viewers only look. */
  canEdit: boolean;
  /** Whether we may edit, move or delete this note (facilitators: any; participants: their own). */
  canEditNote: (note: Note) => boolean;
  /** Only facilitators change segments, stages, departments and the title. */
  canStructure: boolean;
  run<T>(op: (doc: Y.Doc, origin: Origin) => T): T | undefined;
  /** Note actions, routed to the board or to our private drafts. */
  notes: NoteCommands;
}

export const BoardContext = createContext<BoardActions | undefined>(undefined);

export function useBoard(): BoardActions {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard outside a board');
  return value;
}
