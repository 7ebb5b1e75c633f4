import { useTranslation } from 'react-i18next';
import type { ConnectionStatus } from '../sync/useBoardSync.js';

export function ConnectionIndicator({ status }: { status: ConnectionStatus }) {
  const { t } = useTranslation();
  return (
    <div className={`connection connection-${status}`} data-testid="connection" data-status={status}
      role="status" title={t(`connection.${status}Help`)}>
      <span className="connection-dot" aria-hidden="true" />
      <span className="connection-label">{t(`connection.${status}`)}</span>
    </div>
  );
}
