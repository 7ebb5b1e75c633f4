import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSnapshot } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { DotsLeft } from '../voting/DotsLeft.js';
import { PhoneComposer } from './PhoneComposer.js';
import { PhoneNoteCard } from './PhoneNoteCard.js';

/**
 * The participant's phone view: no canvas, no hover, big targets. Pick a
 * segment (your breakout group's first) and one of its stages, write into it,
 * and vote and propose owners on its notes as a list.
 */
export function PhoneView({ snapshot, draftIds, drafting, groupSegmentId, blockedReason }: {
  /** The board with our private drafts merged in. */
  snapshot: BoardSnapshot;
  draftIds: ReadonlySet<string>;
  drafting: boolean;
  groupSegmentId: string | undefined;
  blockedReason: string | undefined;
}) {
  const { t } = useTranslation();
  const { canEdit, notes } = useBoard();
  const segments = [...snapshot.segments].sort((a, b) =>
    Number(b.id === groupSegmentId) - Number(a.id === groupSegmentId));
  const [pickedSegment, setSegmentId] = useState<string>();
  const [pickedStage, setStageId] = useState<string>();
  const segment = segments.find((s) => s.id === pickedSegment) ?? segments[0];
  const stage = segment?.stages.find((s) => s.id === pickedStage) ?? segment?.stages[0];
  const list = stage ? (snapshot.notesByStage.get(stage.id) ?? []) : [];

  if (!segment || !stage) {
    return <div className="phone-view" data-testid="phone-view"><p className="phone-empty">{t('board.emptyParticipant')}</p></div>;
  }
  return (
    <div className="phone-view" data-testid="phone-view">
      <div className="phone-pickers">
        <label>
          <span>{t('phone.segment')}</span>
          <select value={segment.id} data-testid="phone-segment" style={{ borderLeftColor: segment.color }}
            onChange={(e) => {
              setSegmentId(e.target.value);
              setStageId(undefined);
            }}>
            {segments.map((s) => (
              <option key={s.id} value={s.id}>{s.name}{s.id === groupSegmentId ? ` · ${t('phone.yourGroup')}` : ''}</option>
            ))}
          </select>
        </label>
        <div className="phone-stages" role="tablist" aria-label={t('phone.stage')} data-testid="phone-stages">
          {segment.stages.map((s) => (
            <button key={s.id} type="button" role="tab" aria-selected={s.id === stage.id}
              className={s.id === stage.id ? 'active' : ''} data-testid="phone-stage" data-stage-id={s.id}
              onClick={() => setStageId(s.id)}>
              {s.name} <span className="count">{snapshot.notesByStage.get(s.id)?.length ?? 0}</span>
            </button>
          ))}
        </div>
      </div>
      {stage.buyerStep && <p className="phone-buyer muted small">{t('board.buyer', { step: stage.buyerStep })}</p>}
      <DotsLeft className="phone" />
      {canEdit ? (
        <PhoneComposer stageName={stage.name} drafting={drafting}
          onAdd={(text, kind) => notes.add(stage.id, text, kind) !== undefined} />
      ) : blockedReason && <p className="phone-blocked muted" data-testid="phone-blocked">{blockedReason}</p>}
      <ul className="phone-notes" data-testid="phone-notes">
        {list.map((note) => <PhoneNoteCard key={note.id} note={note} draft={draftIds.has(note.id)} />)}
        {list.length === 0 && <li className="phone-empty muted">{t('phone.noNotes')}</li>}
      </ul>
    </div>
  );
}

/** Switches a narrow screen between the list and the canvas. */
export function PhoneModeSwitch({ list, onChange }: { list: boolean; onChange: (list: boolean) => void }) {
  const { t } = useTranslation();
  return (
    <button type="button" className="tool phone-switch" data-testid="phone-switch" data-mode={list ? 'list' : 'board'}
      onClick={() => onChange(!list)}>
      {list ? t('phone.showBoard') : t('phone.showList')}
    </button>
  );
}
