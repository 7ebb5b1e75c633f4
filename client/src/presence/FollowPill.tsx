import { useTranslation } from 'react-i18next';

/** "Following Anna — stop": shown while our view follows someone. */
export function FollowPill({ name, onStop }: { name: string; onStop: () => void }) {
  const { t } = useTranslation();
  return (
    <div className="follow-pill" data-testid="follow-pill" role="status">
      <span>{t('follow.following', { name })}</span>
      <button type="button" onClick={onStop} data-testid="follow-stop">{t('follow.stop')}</button>
    </div>
  );
}
