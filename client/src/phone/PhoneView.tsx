import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BoardSnapshot } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import type { BoardLayout } from '../board-base/layout.js';
import { useSpotlight } from '../session/useSpotlight.js';
import { DotsLeft } from '../voting/DotsLeft.js';
import { PhoneComposer } from './PhoneComposer.js';
import { PhoneNoteCard } from './PhoneNoteCard.js';
import { spotlightPlace } from './spotlightPlace.js';

/** How long a just-added note stays highlighted, and the facilitator's notice stays up. */
const HIGHLIGHT_MS = 2500;
const NOTICE_MS = 8000;

/**
 * The board as a list: the participant's phone view (no canvas, no hover,
 * big targets) and, from the menu's "List" view, the accessible alternative
 * to the canvas at any width. Pick a segment (your breakout group's first)
 * and one of its stages, write into it, and edit, vote and propose owners on
 * its notes. The facilitator's spotlight and "Bring everyone here" switch the
 * pickers to that place and say so in a notice.
 */
export function PhoneView({ snapshot, layout, synced, draftIds, drafting, groupSegmentId, blockedReason, wide }: {
  /** The board with our private drafts merged in. */
  snapshot: BoardSnapshot;
  layout: BoardLayout;
  synced: boolean;
  draftIds: ReadonlySet<string>;
  drafting: boolean;
  groupSegmentId: string | undefined;
  blockedReason: string | undefined;
  /** Chosen from the menu's views (any width): the list as a readable centred column. */
  wide?: boolean;
}) {
  const { t } = useTranslation();
  const { canEdit, notes, author } = useBoard();
  const segments = [...snapshot.segments].sort((a, b) =>
    Number(b.id === groupSegmentId) - Number(a.id === groupSegmentId));
  const [pickedSegment, setSegmentId] = useState<string>();
  const [pickedStage, setStageId] = useState<string>();
  // The place the facilitator brought us to (the notice is worded at render: a language switch rewords it).
  const [notice, setNotice] = useState<string>();
  const [added, setAdded] = useState<string>();
  const root = useRef<HTMLElement>(null);
  // The list is the page's main landmark: with it, the board is this column of headings, pickers and notes.
  const segment = segments.find((s) => s.id === pickedSegment) ?? segments[0];
  const stage = segment?.stages.find((s) => s.id === pickedStage) ?? segment?.stages[0];
  const list = stage ? (snapshot.notesByStage.get(stage.id) ?? []) : [];

  useSpotlight(snapshot.session.spotlight, synced, (s) => {
    if (s.by === author.id) return;
    const place = spotlightPlace(layout, s.target);
    if (!place) return;
    setSegmentId(place.segmentId);
    if (place.stageId || place.segmentId !== segment?.id) setStageId(place.stageId);
    setNotice(place.name);
    root.current?.scrollTo({ top: 0 });
  });
  useEffect(() => {
    if (!notice) return;
    const timer = window.setTimeout(() => setNotice(undefined), NOTICE_MS);
    return () => window.clearTimeout(timer);
  }, [notice]);

  // The shown stage's tab in view (the tabs scroll sideways; a spotlight may pick one off screen).
  useEffect(() => {
    root.current?.querySelector('[data-testid="phone-stage"][aria-selected="true"]')
      ?.scrollIntoView({ block: 'nearest', inline: 'nearest' });
  }, [stage?.id]);

  // A note we just added: scroll it into view once it is in the list, highlight it briefly.
  const shown = added !== undefined && list.some((n) => n.id === added);
  useEffect(() => {
    if (!shown) return;
    root.current?.querySelector(`[data-note-id="${CSS.escape(added)}"]`)?.scrollIntoView({ block: 'center', behavior: 'smooth' });
    const timer = window.setTimeout(() => setAdded(undefined), HIGHLIGHT_MS);
    return () => window.clearTimeout(timer);
  }, [shown, added]);

  const className = `phone-view${wide ? ' list-view' : ''}`;
  if (!segment || !stage) {
    return <main className={className} data-testid="phone-view"><p className="phone-empty">{t('board.emptyParticipant')}</p></main>;
  }
  return (
    <main className={className} data-testid="phone-view" ref={root} aria-label={t('phone.listLabel')}>
      <div className="phone-column">
        {notice && (
          <p className="phone-notice" role="status" data-testid="phone-notice">
            <span>{t('phone.broughtTo', { place: notice })}</span>
            <button type="button" className="icon-button" aria-label={t('common.close')} onClick={() => setNotice(undefined)}>×</button>
          </p>
        )}
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
          {/* A tablist: one Tab stop (the shown stage), arrow keys, Home and End move between stages. */}
          <div className="phone-stages" role="tablist" aria-label={t('phone.stage')} data-testid="phone-stages"
            onKeyDown={(e) => {
              const at = segment.stages.findIndex((s) => s.id === stage.id);
              const last = segment.stages.length - 1;
              const next = e.key === 'ArrowRight' ? Math.min(last, at + 1) : e.key === 'ArrowLeft' ? Math.max(0, at - 1)
                : e.key === 'Home' ? 0 : e.key === 'End' ? last : undefined;
              if (next === undefined) return;
              e.preventDefault();
              setStageId(segment.stages[next]!.id);
              const tabs = e.currentTarget.querySelectorAll<HTMLButtonElement>('[role="tab"]');
              tabs[next]?.focus();
            }}>
            {segment.stages.map((s) => (
              <button key={s.id} type="button" role="tab" aria-selected={s.id === stage.id} tabIndex={s.id === stage.id ? 0 : -1}
                className={s.id === stage.id ? 'active' : ''} data-testid="phone-stage" data-stage-id={s.id}
                onClick={() => setStageId(s.id)}>
                {s.name} <span className="count">{snapshot.notesByStage.get(s.id)?.length ?? 0}</span>
              </button>
            ))}
          </div>
        </div>
        <h2 className="phone-heading" data-testid="phone-heading">{t('phone.notesIn', { stage: stage.name })}</h2>
        {stage.buyerStep && <p className="phone-buyer muted small">{t('board.buyer', { step: stage.buyerStep })}</p>}
        <DotsLeft className="phone" />
        {canEdit ? (
          <PhoneComposer stageName={stage.name} drafting={drafting}
            onAdd={(text, kind) => {
              const id = notes.add(stage.id, text, kind);
              if (id !== undefined) setAdded(id);
              return id !== undefined;
            }} />
        ) : blockedReason && <p className="phone-blocked muted" data-testid="phone-blocked">{blockedReason}</p>}
        <ul className="phone-notes" data-testid="phone-notes" aria-label={t('phone.notesIn', { stage: stage.name })}>
          {list.map((note) => <PhoneNoteCard key={note.id} note={note} draft={draftIds.has(note.id)} highlight={note.id === added} />)}
          {list.length === 0 && <li className="phone-empty muted">{t('phone.noNotes')}</li>}
        </ul>
      </div>
    </main>
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
