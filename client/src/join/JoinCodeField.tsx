import { useId } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The join code input, made for a phone keyboard: capitals from the start,
 * no autocorrect or suggestions (they would "fix" K7R into a word). Case,
 * spaces and hyphens do not matter (normalizeJoinCode).
 */
export function JoinCodeField({ value, onChange, autoFocus = false }: { value: string; onChange: (value: string) => void; autoFocus?: boolean }) {
  const { t } = useTranslation();
  const hint = useId();
  return (
    <label className="field join-code-field">
      <span>{t('joinCode.label')}</span>
      <input value={value} onChange={(e) => onChange(e.target.value)} data-testid="join-code-input" aria-describedby={hint}
        inputMode="text" autoCapitalize="characters" autoComplete="off" autoCorrect="off" spellCheck={false} enterKeyHint="go"
        maxLength={12} placeholder="K7R-4QX" autoFocus={autoFocus} />
      <small id={hint} className="muted">{t('joinCode.hint')}</small>
    </label>
  );
}
