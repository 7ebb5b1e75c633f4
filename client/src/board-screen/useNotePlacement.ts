import { useCallback, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import { useToasts } from '../ui/Toasts.js';
import { stageAt, type BoardLayout, type Rect, type StageBox } from '../board-base/layout.js';
import type { Selection } from '../board-base/useSelection.js';
import { screenToWorld, worldToScreen, type Viewport } from '../board-base/useViewport.js';

type Size = { width: number; height: number };

export interface NotePlacementInput {
  layout: BoardLayout;
  canEdit: boolean;
  selection: Selection;
  setViewport: (update: (v: Viewport) => Viewport) => void;
  /** The current viewport and canvas size, read when a command runs. */
  viewportRef: RefObject<Viewport>;
  sizeRef: RefObject<Size>;
  /** The pointer over the canvas in world coordinates (null when it left). */
  pointerRef: RefObject<{ x: number; y: number } | null>;
}

/**
 * Where a new note goes: "+ Note", the floating button and the N key open the
 * note editor in a stage's next free slot and pan just enough to show it.
 */
export function useNotePlacement({ layout, canEdit, selection, setViewport, viewportRef, sizeRef, pointerRef }: NotePlacementInput) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const { selectedStageId, setSelectedStageId, setSelectedNoteId, setEditing } = selection;

  /** Pans just enough for a world rectangle (and a phone's on-screen keyboard, the extra 60 px) to be visible. */
  const reveal = useCallback((r: Rect) => {
    setViewport((v) => {
      const size = sizeRef.current;
      const p = worldToScreen(v, r.x, r.y);
      const w = r.w * Math.max(v.scale, 0.8);
      const h = r.h * Math.max(v.scale, 0.8) + 60;
      let { x, y } = v;
      if (p.x < 8) x += 8 - p.x;
      else if (p.x + w > size.width - 8) x -= Math.min(p.x - 8, p.x + w - size.width + 8);
      if (p.y < 8) y += 8 - p.y;
      else if (p.y + h > size.height - 8) y -= Math.min(p.y - 8, p.y + h - size.height + 8);
      return { ...v, x, y };
    });
  }, [setViewport, sizeRef]);

  const startNewNote = useCallback((stageId: string) => {
    const box = layout.stagesById.get(stageId);
    if (!canEdit || !box) return;
    setSelectedStageId(stageId);
    setSelectedNoteId(undefined);
    setEditing({ stageId });
    reveal(box.nextSlot);
  }, [canEdit, layout, reveal, setSelectedStageId, setSelectedNoteId, setEditing]);

  /**
   * The stage for a new note: the one under the pointer (the N key only: a
   * toolbar click has the pointer on the toolbar), else the selected one, else
   * the one nearest the screen centre.
   */
  const targetStage = useCallback((preferPointer: boolean): StageBox | undefined => {
    const p = pointerRef.current;
    if (preferPointer && p) {
      const under = stageAt(layout, p.x, p.y);
      if (under) return under;
    }
    const selected = selectedStageId && layout.stagesById.get(selectedStageId);
    if (selected) return selected;
    const size = sizeRef.current;
    const c = screenToWorld(viewportRef.current, size.width / 2, size.height / 2);
    let best: StageBox | undefined;
    let bestD = Infinity;
    for (const s of layout.stages) {
      const dx = Math.max(s.x - c.x, 0, c.x - (s.x + s.w));
      const dy = Math.max(s.y - c.y, 0, c.y - (s.y + s.h));
      const d = Math.hypot(dx, dy);
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    return best;
  }, [layout, selectedStageId, sizeRef, viewportRef, pointerRef]);

  const addNoteHere = useCallback((preferPointer: boolean) => {
    const box = targetStage(preferPointer);
    if (box) startNewNote(box.stage.id);
    else toasts.show(t('board.noStages'), 'info');
  }, [targetStage, startNewNote, toasts, t]);

  return { startNewNote, addNoteHere, reveal };
}
