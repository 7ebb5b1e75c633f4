import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { dismissDuplicate, mergeNotes, type BoardSnapshot } from '../../../shared/src/index.js';
import type { BoardActions } from '../board-base/BoardContext.js';
import type { BoardLayout, Rect } from '../board-base/layout.js';
import { DuplicatesButton, DuplicatesPanel } from '../duplicates/DuplicatesPanel.js';
import { mergeKeeper } from '../duplicates/mergeKeeper.js';
import { useDuplicateSuggestions, type Suggestion } from '../duplicates/useDuplicateSuggestions.js';
import { useToasts } from '../ui/Toasts.js';

/**
 * Duplicate suggestions on the board (client/src/duplicates): for
 * facilitators in the cluster phase only. Participants never compute or see
 * them. Merging uses the ordinary merge (one transaction, one undo step);
 * "Not duplicates" writes session.dismissedDuplicates, so the pair stays
 * away on every screen, after reloads and restarts.
 */
export function DuplicatesLayer({ snapshot, facilitator, open, onToggle, onClose, run, layout, showRect }: {
  snapshot: BoardSnapshot;
  facilitator: boolean;
  open: boolean;
  onToggle(): void;
  onClose(): void;
  run: BoardActions['run'];
  layout: BoardLayout;
  showRect(r: Rect): void;
}) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const enabled = facilitator && snapshot.session.phase === 'cluster';
  const suggestions = useDuplicateSuggestions(snapshot, enabled);

  const onMerge = useCallback((pair: Suggestion) => {
    const { target, source } = mergeKeeper(snapshot, pair.first, pair.second);
    run((d, o) => mergeNotes(d, target.id, [source.id], o));
    toasts.show(t('duplicates.merged', { text: target.text }), 'info');
  }, [snapshot, run, toasts, t]);
  const onDismiss = useCallback((pair: Suggestion) => {
    run((d, o) => dismissDuplicate(d, pair.a, pair.b, o));
  }, [run]);
  const onShow = useCallback((pair: Suggestion) => {
    const boxes = [pair.a, pair.b].map((id) => layout.notesById.get(id)).filter((b) => b !== undefined);
    if (boxes.length === 0) return;
    const x = Math.min(...boxes.map((b) => b.x));
    const y = Math.min(...boxes.map((b) => b.y));
    showRect({
      x, y, w: Math.max(...boxes.map((b) => b.x + b.w)) - x, h: Math.max(...boxes.map((b) => b.y + b.h)) - y,
    });
  }, [layout, showRect]);

  if (!enabled) return null;
  return (
    <>
      <DuplicatesButton count={suggestions.length} open={open} onToggle={onToggle} />
      {open && (
        <DuplicatesPanel snapshot={snapshot} suggestions={suggestions} onMerge={onMerge} onDismiss={onDismiss}
          onShow={onShow} onClose={onClose} />
      )}
    </>
  );
}
