import { createContext, useContext } from 'react';
import type * as Y from 'yjs';
import type { Author, Note, NoteKind, NotePatch, Origin, Role } from '../../../shared/src/index.js';

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
  /** Closes the current undo step, so the next change is undone on its own (useUndo's endStep). */
  endUndoStep?: () => void;
  /** Note actions, routed to the board or to our private drafts. */
  notes: NoteCommands;
}

/** Note actions, routed to the board or to our private drafts (useNoteCommands.ts builds them). */
export interface NoteCommands {
  /** Adds a note (or, during private writing, a private draft) and returns its id. */
  add(stageId: string, text: string, kind?: NoteKind): string | undefined;
  update(id: string, patch: NotePatch): void;
  move(id: string, stageId: string, index: number): void;
  remove(id: string): void;
}

export const BoardContext = createContext<BoardActions | undefined>(undefined);

export function useBoard(): BoardActions {
  const value = useContext(BoardContext);
  if (!value) throw new Error('useBoard outside a board');
  return value;
}
