import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { discussGoTo, type BoardSnapshot, type Role } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { useConverge } from '../board-base/ConvergeContext.js';
import { DecideControls } from './DecideControls.js';
import { DiscussNav } from './DiscussNav.js';
import { DiscussNoteCard } from './DiscussNoteCard.js';
import { OwnerTallyList } from './OwnerTallyList.js';
import { ProposeOwner } from './ProposeOwner.js';
import { TimeboxCountdown } from './TimeboxCountdown.js';
import { useDiscussionView } from './useDiscussionView.js';
import './discuss.css';

/**
 * "Discuss next", on every screen while a discussion runs (laptops, phones,
 * the projector): the current note large, its dots and rank, the owner
 * proposals by department with who proposed, progress and the time box.
 * Participants may propose an owner here; the facilitator decides and moves
 * on. Anyone can minimise it on their own screen (a local choice, not the
 * room's); a new note brings it back. A polite live region announces each
 * new note to screen readers.
 */
export function DiscussOverlay({ snapshot, role, clockOffset, serverNow }: {
  snapshot: BoardSnapshot;
  role: Role;
  clockOffset: number;
  serverNow: () => number;
}) {
  const { t } = useTranslation();
  const c = useConverge();
  const { run } = useBoard();
  const view = useDiscussionView(snapshot, c.facilitator);
  const [minimisedOn, setMinimisedOn] = useState<string>();
  if (!view) return null;
  const { note, discussion } = view;
  // Minimised for one note only: when the room moves on, everyone sees the new note.
  const here = `${note?.id ?? 'done'}:${discussion.index}`;
  const progress = t('discuss.progress', { discussed: view.discussed, total: view.total });
  const live = note ? t('discuss.now', { text: note.text }) : t('discuss.done', { total: view.total });
  const mine = note ? snapshot.proposalsByNote.get(note.id)?.get(c.myId) : undefined;

  const nav = <DiscussNav discussion={discussion} hasPrevious={view.hasPrevious} done={view.done} serverNow={serverNow} />;

  if (minimisedOn === here) {
    return (
      <div className="discuss-mini" data-testid="discuss-mini" role="region" aria-label={t('discuss.region')}>
        <span>{t('discuss.minimised', { position: view.position, total: view.total })} · {progress}</span>
        <button type="button" className="primary" onClick={() => setMinimisedOn(undefined)} data-testid="discuss-show">
          {t('discuss.show')}
        </button>
      </div>
    );
  }
  return (
    <section className={`discuss ${role}`} role="region" aria-labelledby="discuss-title"
      data-testid="discuss-overlay" data-note-id={note?.id ?? ''}>
      <header className="discuss-header">
        <h2 id="discuss-title">{t('discuss.title')}</h2>
        {note && <span className="discuss-position" data-testid="discuss-position">
          {t('discuss.position', { position: view.position, total: view.total })}
        </span>}
        <span className="discuss-progress" data-testid="discuss-progress" title={t('discuss.progressHint')}
          aria-describedby="discuss-progress-hint"
          data-discussed={view.discussed} data-total={view.total}>{progress}</span>
        {note && <TimeboxCountdown discussion={discussion} clockOffset={clockOffset} />}
        <button type="button" className="discuss-hide" onClick={() => setMinimisedOn(here)} data-testid="discuss-hide">
          {t('discuss.hide')}
        </button>
      </header>
      {/* What "discussed" counts: shown to the facilitator, read out to everyone with the progress. */}
      <p id="discuss-progress-hint" className={c.facilitator ? 'muted small discuss-hint' : 'sr-only'}>{t('discuss.progressHint')}</p>
      <p className="sr-only" aria-live="polite" data-testid="discuss-live">{live}</p>
      <div className="discuss-body">
        {note ? (
          <>
            <div className="discuss-main">
              <DiscussNoteCard view={view} />
              {view.upcoming.length > 0 && (
                <section className="discuss-upcoming" aria-labelledby="discuss-upcoming-title">
                  <h3 id="discuss-upcoming-title">{t('discuss.upNext')}</h3>
                  <ol data-testid="discuss-upcoming">
                    {view.upcoming.map((n) => (
                      <li key={n.id}>
                        {/* The facilitator may take a later note first (a chosen order): discussGoTo. */}
                        {c.facilitator ? (
                          <button type="button" className="link-button discuss-goto" data-testid={`discuss-goto-${n.id}`}
                            title={t('discuss.goTo')} onClick={() => run((d, o) => discussGoTo(d, n.id, serverNow(), o))}>
                            {n.text || '…'}
                          </button>
                        ) : (n.text || '…')}
                      </li>
                    ))}
                  </ol>
                </section>
              )}
            </div>
            <div className="discuss-owners">
              <h3>{t('discuss.proposals')}</h3>
              <OwnerTallyList tally={view.tally} />
              {!c.facilitator && (c.canPropose
                ? <ProposeOwner noteId={note.id} departments={snapshot.departments} mine={mine} myId={c.myId} />
                : role === 'participant' && <p className="muted" data-testid="discuss-propose-closed">{t('discuss.closed')}</p>)}
            </div>
          </>
        ) : (
          <p className="discuss-done" data-testid="discuss-done">{t('discuss.done', { total: view.total })}</p>
        )}
      </div>
      {c.facilitator && (note ? (
        <DecideControls key={`${note.id}:${discussion.index}`} note={note} departments={snapshot.departments}
          tally={view.tally} serverNow={serverNow} nav={nav} />
      ) : <div className="discuss-actionbar">{nav}</div>)}
    </section>
  );
}
