import { useTranslation } from 'react-i18next';
import { UI_LANGUAGES, type UiLanguage } from '../i18n/i18n.js';

/** EN | IT toggle. `onChoose` lets the caller remember the choice where it belongs. */
export function LanguageSwitch({ onChoose }: { onChoose: (language: UiLanguage) => void }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="lang-switch" role="group" aria-label={t('language.label')} data-testid="language-switch">
      {UI_LANGUAGES.map((lng) => (
        <button
          key={lng}
          type="button"
          className={i18n.language === lng ? 'active' : ''}
          aria-pressed={i18n.language === lng}
          onClick={() => onChoose(lng)}
          data-testid={`language-${lng}`}
        >
          {lng.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
