import { useTranslation } from 'react-i18next';
import { useBoard } from '../board-base/BoardContext.js';
import { LockIcon } from '../ui/icons.js';
import { setPrivateWriting } from '../../../shared/src/index.js';

/**
 * Facilitator: private writing on (everyone writes alone, no groupthink) or
 * off, which reveals every draft at once (the server moves them to the board).
 */
export function PrivateWritingToggle({ on }: { on: boolean }) {
  const { t } = useTranslation();
  const { run } = useBoard();
  return (
    <button type="button" role="switch" aria-checked={on} data-testid="private-toggle"
      className={`tool private-toggle${on ? ' on' : ''}`} title={t('private.toggleHelp')}
      onClick={() => {
        if (on && !window.confirm(t('private.confirmReveal'))) return;
        run((d, o) => setPrivateWriting(d, !on, o));
      }}>
      <LockIcon /><span className="pb-label">{on ? t('private.reveal') : t('private.start')}</span>
    </button>
  );
}
