import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  notesInReadingOrder, rankBoard, rankStage, sortStageByVotes, type BoardSnapshot,
} from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { ResultRow } from './ResultRow.js';
import { StartDiscussion } from './StartDiscussion.js';
import './results.css';

/**
 * The ranking by dots (shared/src/ranking), across the board or for one
 * stage, for everyone. While voting is open with hidden results, participants
 * and viewers see the notes without ranks or dots (the facilitator sees
 * them); the list order would tell the ranking, so it is the board's order then.
 * The facilitator also sorts the stages on the board and starts "Discuss next".
 */
export function ResultsPanel({ snapshot, facilitator, serverNow, onShowNote, onClose }: {
  snapshot: BoardSnapshot;
  facilitator: boolean;
  serverNow: () => number;
  onShowNote: (noteId: string) => void;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const { run } = useBoard();
  const [scope, setScope] = useState<'board' | 'stage'>('board');
  const stages = snapshot.segments.flatMap((segment) => segment.stages.map((stage) => ({ segment, stage })));
  const [stageId, setStageId] = useState<string>();
  const stage = stages.find((s) => s.stage.id === stageId) ?? stages[0];
  const voting = snapshot.session.voting;
  const hidden = !facilitator && voting?.open === true && voting.hideResults;
  const readingOrder = useMemo(
    () => new Map(notesInReadingOrder(snapshot).map((n, i) => [n.id, i])), [snapshot]);
  // Memoised by the React compiler (eslint's react-hooks rules): no manual useMemo here.
  const list = scope === 'stage' && stage ? rankStage(snapshot, stage.stage.id) : rankBoard(snapshot);
  const ranked = hidden ? [...list].sort((a, b) => (readingOrder.get(a.note.id) ?? 0) - (readingOrder.get(b.note.id) ?? 0)) : list;
  const place = (noteStageId: string) => {
    const s = snapshot.stagesById.get(noteStageId);
    const seg = snapshot.segments.find((x) => x.id === s?.segmentId);
    return [seg?.name, s?.name].filter(Boolean).join(' · ');
  };
  const sortAll = () => run((d, o) => d.transact(() => {
    for (const s of snapshot.stagesById.values()) sortStageByVotes(d, s.id, o);
  }, o));

  return (
    <aside className="side-panel results-panel" data-testid="results-panel" aria-labelledby="results-title">
      <header>
        <h2 id="results-title">{t('results.title')}</h2>
        <button type="button" className="icon-button" onClick={onClose} aria-label={t('common.close')}>×</button>
      </header>
      <div className="panel-scroll">
        <fieldset className="results-scope">
          <legend className="small muted">{t('results.scope')}</legend>
          <div className="segmented">
            {(['board', 'stage'] as const).map((s) => (
              <button key={s} type="button" aria-pressed={scope === s} className={scope === s ? 'on' : ''}
                data-testid={`results-scope-${s}`} onClick={() => setScope(s)}>{t(`results.${s}`)}</button>
            ))}
          </div>
          {scope === 'stage' && stage && (
            <label className="results-stage-field">
              <span>{t('results.pickStage')}</span>
              <select value={stage.stage.id} onChange={(e) => setStageId(e.target.value)} data-testid="results-stage">
                {stages.map(({ segment, stage: s }) => (
                  <option key={s.id} value={s.id}>{segment.name} · {s.name}</option>
                ))}
              </select>
            </label>
          )}
        </fieldset>
        {hidden && <p className="results-note" data-testid="results-hidden">{t('results.hidden')}</p>}
        {!hidden && voting?.open && <p className="results-note small">{t('results.stillOpen')}</p>}
        {ranked.length === 0 ? <p className="muted">{t('results.empty')}</p> : (
          <ol className="results-list" data-testid="results-list">
            {ranked.map((r) => (
              <ResultRow key={r.note.id} ranked={r} place={place(r.note.stageId)} showVotes={!hidden} onShow={onShowNote} />
            ))}
          </ol>
        )}
        {facilitator && (
          <>
            <section className="results-sort">
              <button type="button" onClick={sortAll} data-testid="results-sort-all" disabled={snapshot.votesByNote.size === 0}>
                ↓ {t('results.sortAll')}
              </button>
              <p className="muted small">{t('results.sortHint')}</p>
            </section>
          </>
        )}
      </div>
      {/* Pinned under the list: with 300 notes ranked, starting the discussion must not be 300 rows down. */}
      {facilitator && (
        <div className="results-actions">
          <StartDiscussion ranked={ranked} readingOrder={readingOrder} serverNow={serverNow}
            running={snapshot.session.discussion !== null} />
        </div>
      )}
    </aside>
  );
}
