import { useTranslation } from 'react-i18next';
import { useBoard } from '../board-base/BoardContext.js';
import { PHASES, setPhase, type Phase, type Session } from '../../../shared/src/index.js';
import { PrivateWritingToggle } from './PrivateWritingToggle.js';
import { TimerControls } from './TimerControls.js';
import { TimerDisplay } from './TimerDisplay.js';
import { LockIcon, PinIcon } from '../ui/icons.js';

export interface PhaseBarProps {
  session: Session;
  clockOffset: number;
  /** Dots left to spend (vote phase). */
  votesLeft: number;
  /** This person's private drafts (private writing). */
  draftCount: number;
  /** Why a participant cannot add notes right now, if they cannot. */
  blockedReason: string | undefined;
  /** Our breakout group's segment, for participants who have one. */
  group: { name: string; color: string } | undefined;
  onBringEveryone: () => void;
  /** Whether any dots are on the board: a closed vote with dots has results to look at. */
  votesCast: boolean;
}

/**
 * Under the toolbar, for everyone: the current phase with one line telling
 * participants what to do now, the countdown, and whether writing is private.
 * Facilitators pick the phase and drive the timer, private writing and the
 * spotlight from here.
 */
export function PhaseBar({ session, clockOffset, votesLeft, votesCast, draftCount, blockedReason, group, onBringEveryone }: PhaseBarProps) {
  const { t } = useTranslation();
  const { canStructure: facilitator, run, role } = useBoard();
  const { phase } = session;
  const votingClosed = phase === 'vote' && !session.voting?.open;
  const instruction = role === 'viewer'
    ? t(`phases.${phase}.watch`)
    : facilitator && phase === 'setup' ? t('phases.setup.facilitate')
    : votingClosed ? t(votesCast ? 'phases.vote.closed' : 'phases.vote.waiting') : t(`phases.${phase}.do`, { count: votesLeft });
  return (
    <section className={`phase-bar phase-${phase}${session.privateWriting ? ' private' : ''}`} data-testid="phase-bar"
      data-phase={phase} aria-label={t('phases.label')}>
      <div className="phase-main">
        {facilitator ? (
          <label className="phase-select">
            <span className="sr-only">{t('phases.label')}</span>
            <select value={phase} data-testid="phase-select"
              onChange={(e) => run((d, o) => setPhase(d, e.target.value as Phase, o))}>
              {PHASES.map((p) => <option key={p} value={p}>{t(`phases.${p}.name`)}</option>)}
            </select>
          </label>
        ) : (
          <span className="phase-name" data-testid="phase-name">{t(`phases.${phase}.name`)}</span>
        )}
        {facilitator && phase === 'setup' && (
          <button type="button" className="primary start-brainstorm" data-testid="start-brainstorm"
            onClick={() => run((d, o) => setPhase(d, 'brainstorm', o))}>
            {t('phases.setup.start')}
          </button>
        )}
        <span className="phase-instruction" data-testid="phase-instruction" title={instruction}>
          {instruction}
          {blockedReason && <em className="phase-blocked" data-testid="phase-blocked"> · {blockedReason}</em>}
        </span>
      </div>
      {group && (
        <span className="group-badge" style={{ borderColor: group.color }} data-testid="my-group">
          {t('groups.yours', { name: group.name })}
        </span>
      )}
      {session.privateWriting && !facilitator && (
        <span className="private-badge" data-testid="private-badge" title={t('private.help')}>
          <LockIcon /> {t('private.on')}{role === 'participant' && (
            <> · <span data-testid="draft-count">{t('private.drafts', { count: draftCount })}</span></>
          )}
        </span>
      )}
      {facilitator && <PrivateWritingToggle on={session.privateWriting} />}
      <TimerDisplay timer={session.timer} clockOffset={clockOffset} />
      {facilitator && (
        <div className="phase-tools">
          <TimerControls timer={session.timer} clockOffset={clockOffset} />
          <button type="button" className="tool" data-testid="bring-everyone" onClick={onBringEveryone}
            title={t('spotlight.bringHelp')}>
            <PinIcon /><span className="pb-label">{t('spotlight.bring')}</span>
          </button>
        </div>
      )}
    </section>
  );
}
