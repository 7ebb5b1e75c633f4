import { useCallback, useRef, useState, type FocusEvent, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSnapshot, Note } from '../../../shared/src/index.js';
import type { BoardLayout, Rect } from '../board-base/layout.js';
import {
  describeFocus, focusAfterDelete, focusBox, moveFocus, navKey, startFocus, type BoardFocus,
} from '../board-base/keyboardNav.js';
import type { Selection } from '../board-base/useSelection.js';

export interface BoardKeyboardInput {
  layout: BoardLayout;
  snapshot: BoardSnapshot;
  selection: Selection;
  canEdit: boolean;
  canEditNote: (note: Note) => boolean;
  startNewNote: (stageId: string) => void;
  removeNote: (id: string) => void;
  /** Pans just enough for a world rectangle to be seen. */
  reveal: (r: Rect) => void;
}

/**
 * The board without a mouse (keyboardNav.ts has the moves): the canvas region
 * takes focus with Tab; the keyboard focus IS the selection (a note, or a stage
 * with no note), so mouse and keyboard pick up where the other left off.
 * Arrows move, Enter edits (or writes in a stage), N adds to the focused
 * stage, Delete removes one's own note, Escape leaves the board. Every move
 * is said in the live region (`announcement`).
 * Invariant: an editor opened from the keyboard gives the focus back to the
 * board when it closes by itself (saved or cancelled), never when the person
 * moved the focus elsewhere (Tab, a click).
 */
export function useBoardKeyboard(p: BoardKeyboardInput) {
  const { t } = useTranslation();
  const hostRef = useRef<HTMLDivElement>(null);
  const [ring, setRing] = useState(false);
  const [announcement, setAnnouncement] = useState('');
  const fromKeyboard = useRef(false);
  const { selectedNoteId, selectedStageId, setSelectedNoteId, setSelectedStageId, setEditing } = p.selection;

  const focus: BoardFocus | undefined = selectedNoteId
    ? { kind: 'note', id: selectedNoteId }
    : selectedStageId ? { kind: 'stage', id: selectedStageId } : undefined;

  const say = useCallback((f: BoardFocus | undefined) => {
    const d = describeFocus(p.layout, f);
    if (!d) return;
    setAnnouncement(d.kind === 'note'
      ? t('board.focus.note', { position: d.position, total: d.count, stage: d.stage, text: d.text || t('board.focus.empty') })
      : t('board.focus.stage', { position: d.position, total: d.count, stage: d.stage, segment: d.segment, notes: d.notes }));
  }, [p.layout, t]);

  const go = useCallback((f: BoardFocus | undefined) => {
    if (!f) return;
    if (f.kind === 'note') {
      setSelectedNoteId(f.id);
      setSelectedStageId(p.layout.notesById.get(f.id)?.stageId);
    } else {
      setSelectedNoteId(undefined);
      setSelectedStageId(f.id);
    }
    const box = focusBox(p.layout, f);
    if (box) p.reveal(box);
    say(f);
  }, [p, say, setSelectedNoteId, setSelectedStageId]);

  const write = (stageId: string | undefined) => {
    if (!stageId) return;
    if (!p.canEdit) {
      setAnnouncement(t('board.focus.readOnly'));
      return;
    }
    fromKeyboard.current = true;
    p.startNewNote(stageId);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget || e.ctrlKey || e.metaKey || e.altKey) return;
    setRing(true);
    const arrow = navKey(e.key);
    const current = startFocus(p.layout, focus);
    const note = current?.kind === 'note' ? p.snapshot.notesById.get(current.id) : undefined;
    const stageId = note ? note.stageId : current?.id;
    if (arrow) {
      e.preventDefault();
      go(moveFocus(p.layout, focus, arrow));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      if (!note) {
        write(stageId);
      } else if (p.canEditNote(note)) {
        fromKeyboard.current = true;
        setEditing({ noteId: note.id });
      } else {
        setAnnouncement(t('board.focus.notYours'));
      }
    } else if (e.key.toLowerCase() === 'n') {
      // With nothing focused (a click on empty canvas), the board-wide N picks the stage under the pointer.
      if (!focus) return;
      // Here, not the board-wide N (useShortcuts): the focused stage, not the one under the pointer.
      e.preventDefault();
      e.stopPropagation();
      write(stageId);
    } else if (e.key === 'Delete' || e.key === 'Backspace') {
      e.preventDefault();
      e.stopPropagation();
      if (!note) return;
      if (!p.canEditNote(note)) {
        setAnnouncement(t('board.focus.notYours'));
        return;
      }
      const next = focusAfterDelete(p.layout, note.id);
      p.removeNote(note.id);
      go(next);
      setAnnouncement(t('board.focus.deleted'));
    } else if (e.key === 'Escape') {
      // Leaves the board: the selection goes (board-wide Escape) and so does the focus.
      e.currentTarget.blur();
    }
  };

  const onFocus = (e: FocusEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    // A click focuses the region too: the ring is for keyboard focus only.
    const visible = e.currentTarget.matches(':focus-visible');
    setRing(visible);
    if (!visible) return;
    const start = startFocus(p.layout, focus);
    if (start === focus) say(start);
    else go(start);
  };

  const onBlur = () => setRing(false);

  /** An editor closed: back to the board if it was opened from here and the focus went nowhere else. */
  const editorClosed = useCallback(() => {
    if (!fromKeyboard.current) return;
    fromKeyboard.current = false;
    requestAnimationFrame(() => {
      const active = document.activeElement;
      if (!active || active === document.body) hostRef.current?.focus({ preventScroll: true });
    });
  }, []);

  return {
    hostRef, onKeyDown, onFocus, onBlur, editorClosed, announcement,
    /** Where the focus ring is drawn, while the board has keyboard focus. */
    ringBox: ring && !p.selection.editing ? focusBox(p.layout, focus) : undefined,
  };
}
