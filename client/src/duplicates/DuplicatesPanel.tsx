import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSnapshot } from '../../../shared/src/index.js';
import type { Suggestion } from './useDuplicateSuggestions.js';
import './duplicates.css';

export interface DuplicatesPanelProps {
  snapshot: BoardSnapshot;
  suggestions: Suggestion[];
  onMerge(pair: Suggestion): void;
  onDismiss(pair: Suggestion): void;
  onShow(pair: Suggestion): void;
  onClose(): void;
}

/**
 * Facilitators, cluster phase: the likely duplicate pairs, best first, each
 * with both texts, where they are and how strong the match is, and one click
 * to merge, to say "not duplicates", or to see the two notes on the canvas.
 * After a merge or a dismissal, focus moves to the next pair (keyboard use:
 * Tab through a pair's buttons, Enter, and the next pair is ready).
 */
export function DuplicatesPanel({ snapshot, suggestions, onMerge, onDismiss, onShow, onClose }: DuplicatesPanelProps) {
  const { t } = useTranslation();
  const list = useRef<HTMLOListElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  /** The position of the pair just merged or dismissed: focus goes to the pair now there. */
  const refocus = useRef<number>(undefined);

  useEffect(() => {
    const index = refocus.current;
    if (index === undefined) return;
    refocus.current = undefined;
    const buttons = list.current?.querySelectorAll<HTMLButtonElement>('[data-action="merge"]');
    const next = buttons?.[Math.min(index, buttons.length - 1)];
    (next ?? close.current)?.focus();
  }, [suggestions]);

  const where = (pair: Suggestion) => {
    const a = snapshot.stagesById.get(pair.first.stageId);
    const b = snapshot.stagesById.get(pair.second.stageId);
    if (pair.sameStage || !b) return t('duplicates.sameStage', { stage: a?.name ?? '' });
    return t('duplicates.acrossStages', { first: a?.name ?? '', second: b.name });
  };
  const act = (index: number, action: () => void) => {
    refocus.current = index;
    action();
  };

  return (
    <aside className="side-panel duplicates-panel" data-testid="duplicates-panel" aria-labelledby="duplicates-title"
      onKeyDown={(e) => { if (e.key === 'Escape') onClose(); }}>
      <header>
        <h2 id="duplicates-title">
          {t('duplicates.title')} <span className="badge" data-testid="duplicates-count">{suggestions.length}</span>
        </h2>
        <button ref={close} type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>×</button>
      </header>
      <div className="panel-scroll">
        <p className="small muted">{t('duplicates.intro')}</p>
        {suggestions.length === 0 ? (
          <p className="duplicates-empty" data-testid="duplicates-empty">{t('duplicates.none')}</p>
        ) : (
          <ol ref={list} className="duplicates-list" aria-label={t('duplicates.listLabel')}>
            {suggestions.map((pair, index) => (
              <li key={pair.key} className="duplicate-pair" data-testid="duplicate-pair" data-key={pair.key}
                data-strength={pair.strength}>
                <div className="duplicate-meta">
                  <span className={`duplicate-strength ${pair.strength}`}>{t(`duplicates.${pair.strength}`)}</span>
                  <button type="button" className="link-button" data-testid="duplicate-show"
                    onClick={() => onShow(pair)}>{t('duplicates.show')}</button>
                </div>
                <p className="small muted duplicate-where">{where(pair)}</p>
                {[pair.first, pair.second].map((note) => (
                  <blockquote key={note.id} className="duplicate-text" data-note-id={note.id}>
                    <p>{note.text}</p>
                    {note.authorName && <footer className="small muted">{note.authorName}</footer>}
                  </blockquote>
                ))}
                <div className="duplicate-actions">
                  <button type="button" className="primary" data-action="merge" data-testid="duplicate-merge"
                    onClick={() => act(index, () => onMerge(pair))}>{t('duplicates.merge')}</button>
                  <button type="button" data-testid="duplicate-dismiss"
                    onClick={() => act(index, () => onDismiss(pair))}>{t('duplicates.dismiss')}</button>
                </div>
              </li>
            ))}
          </ol>
        )}
      </div>
    </aside>
  );
}

/** The toolbar-side entry: "Possible duplicates (N)", opens and closes the panel. */
export function DuplicatesButton({ count, open, onToggle }: { count: number; open: boolean; onToggle(): void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className={`duplicates-toggle${count > 0 ? ' has-some' : ''}`} data-testid="duplicates-toggle"
      aria-expanded={open} onClick={onToggle}>
      {t('duplicates.button', { count })}
    </button>
  );
}
