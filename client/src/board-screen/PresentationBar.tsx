import { useTranslation } from 'react-i18next';
import type { Session } from '../../../shared/src/index.js';
import { TimerDisplay } from '../session/TimerDisplay.js';
import { ConnectionIndicator } from '../presence/ConnectionIndicator.js';
import type { ConnectionStatus } from '../sync/useBoardSync.js';

/**
 * Presentation mode's only chrome, readable from the back of the room: the
 * phase and what the room is doing now (the same texts as the phase bar for
 * viewers), the timer, an exit button, and the corner where the join QR code
 * goes while joining is open. The connection stays visible: a projector that
 * lost the server must not look live.
 */
export function PresentationBar({ session, clockOffset, title, status, onExit }: {
  session: Session;
  status: ConnectionStatus;
  clockOffset: number;
  title: string;
  onExit: () => void;
}) {
  const { t } = useTranslation();
  const { phase } = session;
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
      {/* The join QR code (join-screen/JoinQr) is mounted here while joining is open; this
          corner is kept free of the board's own controls (no minimap, no zoom dock). */}
      <div className="presentation-join-slot" data-testid="presentation-join-slot" />
    </>
  );
}
