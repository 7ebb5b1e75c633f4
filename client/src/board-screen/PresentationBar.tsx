import { useTranslation } from 'react-i18next';
import type { Session } from '../../../shared/src/index.js';
import { TimerDisplay } from '../session/TimerDisplay.js';
import { ConnectionIndicator } from '../presence/ConnectionIndicator.js';
import type { ConnectionStatus } from '../sync/useBoardSync.js';
import { JoinQr } from '../join-screen/JoinQr.js';
import { useJoinCode } from '../join-screen/useJoinCode.js';

/**
 * Presentation mode's only chrome, readable from the back of the room: the
 * phase and what the room is doing now (the same texts as the phase bar for
 * viewers), the timer, an exit button, and the corner where the join QR code
 * goes while joining is open. The connection stays visible: a projector that
 * lost the server must not look live.
 */
export function PresentationBar({ boardId, token, session, clockOffset, title, status, onExit }: {
  boardId: string;
  /** Our link or session: reads the join code (any role may, while joining is open). */
  token: string;
  session: Session;
  status: ConnectionStatus;
  clockOffset: number;
  title: string;
  onExit: () => void;
}) {
  const { t } = useTranslation();
  const { phase } = session;
  const join = useJoinCode(boardId, token);
  return (
    <>
      <header className="presentation-bar" data-testid="presentation-bar" data-phase={phase}>
        <div className="presentation-phase">
          <p className="presentation-title">{title}</p>
          <h1 data-testid="presentation-phase">{t(`phases.${phase}.name`)}</h1>
          <p className="presentation-prompt" data-testid="presentation-prompt">{t(`phases.${phase}.watch`)}</p>
        </div>
        <TimerDisplay timer={session.timer} clockOffset={clockOffset} />
        <div className="presentation-side">
        <ConnectionIndicator status={status} />
        <button type="button" className="tool presentation-exit" data-testid="presentation-exit" onClick={onExit}
          title={t('presentation.exitHelp')}>
          {t('presentation.exit')}
        </button>
        </div>
      </header>
      {/* The join QR code, only while joining by code is open; this corner is kept
          free of the board's own controls (no minimap, no zoom dock). */}
      <div className="presentation-join-slot" data-testid="presentation-join-slot">
        {join.open && join.qrUrl && join.state?.code && (
          <aside className="presentation-join" aria-label={t('joinScreen.title')}>
            <JoinQr url={join.qrUrl} size={200} />
            <p className="presentation-join-address">{join.typeAddress}</p>
            <p className="presentation-join-code" data-testid="presentation-join-code">{join.state.code}</p>
          </aside>
        )}
      </div>
    </>
  );
}
