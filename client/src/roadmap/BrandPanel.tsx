import { useEffect, useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { BRAND_NAME_MAX, COLOR_PATTERN, LOGO_MAX_BYTES, setBrand, type Brand } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { useLatest } from '../board-base/useLatest.js';
import { accentOf } from './brandLook.js';
import { removeLogo, uploadLogo } from './brandApi.js';
import { errorText } from '../i18n/errorText.js';
import './booklet.css';

const LOGO_MIME = ['image/png', 'image/jpeg'];

type LogoState = { busy?: 'upload' | 'remove'; error?: string; done?: 'uploaded' | 'removed' };

/**
 * Facilitators' "Client brand" panel on the roadmap's cover: the company name
 * and accent colour (board ops, like every structure change), and the logo,
 * which only the server writes (rule R13): uploaded as the raw file and
 * decoded there; a file over the server's limit is refused here first.
 */
export function BrandPanel({ brand, logoUrl, boardId, token }: {
  brand: Brand;
  logoUrl: string | undefined;
  boardId: string;
  token: string;
}) {
  const { t } = useTranslation();
  const { run } = useBoard();
  const id = useId();
  const save = (patch: { companyName?: string; accentColor?: string }) => run((d, o) => {
    setBrand(d, patch, o);
    return true;
  }) === true;

  // The name while it is being typed; the stored one otherwise (so a colleague's change shows).
  const [name, setName] = useState<string>();
  const [nameSaved, setNameSaved] = useState(false);
  const commitName = () => {
    if (name !== undefined && name.trim() !== brand.companyName) setNameSaved(save({ companyName: name }));
    setName(undefined);
  };

  const accent = accentOf(brand);
  const [hex, setHex] = useState<string>();
  const hexValid = hex === undefined || hex.trim() === '' || COLOR_PATTERN.test(hex.trim());
  const commitHex = () => {
    if (hex === undefined || !hexValid) return;
    if (hex.trim().toLowerCase() !== brand.accentColor) save({ accentColor: hex.trim() });
    setHex(undefined);
  };
  // The picker's native `change` fires once the choice is made (React's onChange fires on every drag step).
  const picker = useRef<HTMLInputElement>(null);
  const brandRef = useLatest(brand);
  useEffect(() => {
    const input = picker.current;
    if (!input) return undefined;
    const onChange = () => {
      if (input.value.toLowerCase() !== brandRef.current.accentColor) {
        run((d, o) => setBrand(d, { accentColor: input.value }, o));
      }
      setHex(undefined);
    };
    input.addEventListener('change', onChange);
    return () => input.removeEventListener('change', onChange);
  }, [run, brandRef]);

  const [logo, setLogo] = useState<LogoState>({});
  const file = useRef<HTMLInputElement>(null);
  const upload = async (chosen: File) => {
    if (chosen.size > LOGO_MAX_BYTES) {
      setLogo({ error: t('roadmap.brand.tooLarge', { size: Math.ceil(chosen.size / 1024) }) });
      return;
    }
    if (chosen.type && !LOGO_MIME.includes(chosen.type)) {
      setLogo({ error: t('roadmap.brand.notAnImage') });
      return;
    }
    setLogo({ busy: 'upload' });
    try {
      await uploadLogo(boardId, token, chosen);
      setLogo({ done: 'uploaded' });
    } catch (err) {
      setLogo({ error: t('roadmap.brand.failed', { message: errorText(t, err) }) });
    }
  };
  const remove = async () => {
    setLogo({ busy: 'remove' });
    try {
      await removeLogo(boardId, token);
      setLogo({ done: 'removed' });
    } catch (err) {
      setLogo({ error: t('roadmap.brand.removeFailed', { message: errorText(t, err) }) });
    }
  };

  return (
    <details className="rm-brand no-print" data-testid="brand-panel">
      <summary data-testid="brand-open">
        <span className="rm-brand-swatch" style={{ background: accent }} aria-hidden="true" />
        <strong>{t('roadmap.brand.title')}</strong>
        <span className="muted">{t('roadmap.brand.lead')}</span>
      </summary>
      <div className="rm-brand-grid">
        <div className="field">
          <label htmlFor={`${id}-name`}>{t('roadmap.brand.companyName')}</label>
          <input id={`${id}-name`} value={name ?? brand.companyName} maxLength={BRAND_NAME_MAX} placeholder={t('roadmap.brand.companyPlaceholder')}
            data-testid="brand-company"
            onChange={(e) => {
              setNameSaved(false);
              setName(e.target.value);
            }}
            onBlur={commitName}
            onKeyDown={(e) => {
              if (e.key === 'Enter') commitName();
              if (e.key === 'Escape') setName(undefined);
            }} />
          {nameSaved && <small className="rm-saved" role="status" data-testid="brand-company-saved">✓ {t('roadmap.booklet.saved')}</small>}
        </div>

        <fieldset className="field">
          <legend>{t('roadmap.brand.accent')}</legend>
          <div className="rm-brand-accent">
            <input ref={picker} type="color" value={hex && COLOR_PATTERN.test(hex.trim()) ? hex.trim() : accent}
              aria-label={t('roadmap.brand.accentPicker')} data-testid="brand-accent-picker"
              onChange={(e) => setHex(e.target.value)} />
            <input value={hex ?? brand.accentColor} placeholder={accent} maxLength={7} spellCheck={false}
              aria-label={t('roadmap.brand.accentHex')} aria-invalid={!hexValid} aria-describedby={`${id}-accent`}
              data-testid="brand-accent" className="rm-brand-hex"
              onChange={(e) => setHex(e.target.value)} onBlur={commitHex}
              onKeyDown={(e) => {
                if (e.key === 'Enter') commitHex();
                if (e.key === 'Escape') setHex(undefined);
              }} />
            {brand.accentColor && (
              <button type="button" className="small" data-testid="brand-accent-default"
                onClick={() => {
                  setHex(undefined);
                  save({ accentColor: '' });
                }}>{t('roadmap.brand.accentDefault')}</button>
            )}
          </div>
          <small id={`${id}-accent`} className={hexValid ? 'muted' : 'rm-brand-error'} role={hexValid ? undefined : 'alert'}>
            {hexValid ? t('roadmap.brand.accentHint') : t('roadmap.brand.accentInvalid')}
          </small>
        </fieldset>

        <fieldset className="field rm-brand-logo">
          <legend>{t('roadmap.brand.logo')}</legend>
          <div className="rm-brand-logo-row">
            <div className="rm-brand-preview" data-testid="brand-logo-preview" data-has-logo={brand.logo ? 'true' : 'false'}>
              {logoUrl && brand.logo
                ? <img src={logoUrl} alt={t('roadmap.brand.logoPreview')} width={brand.logo.width} height={brand.logo.height} />
                : <span className="muted">{t('roadmap.brand.noLogo')}</span>}
            </div>
            <div className="rm-brand-logo-actions">
              <input ref={file} type="file" accept={LOGO_MIME.join(',')} hidden data-testid="brand-logo-file"
                onChange={(e) => {
                  const chosen = e.target.files?.[0];
                  e.target.value = '';
                  if (chosen) void upload(chosen);
                }} />
              <button type="button" className="small" disabled={logo.busy !== undefined} aria-describedby={`${id}-logo-hint`}
                data-testid="brand-logo-choose" onClick={() => file.current?.click()}>
                {brand.logo ? t('roadmap.brand.logoReplace') : t('roadmap.brand.logoChoose')}
              </button>
              {brand.logo && (
                <button type="button" className="small danger" disabled={logo.busy !== undefined} data-testid="brand-logo-remove"
                  onClick={() => void remove()}>{t('roadmap.brand.logoRemove')}</button>
              )}
              <small id={`${id}-logo-hint`} className="muted">{t('roadmap.brand.logoHint')}</small>
            </div>
          </div>
          <p className="rm-brand-status" role="status" data-testid="brand-logo-status">
            {logo.busy === 'upload' && t('roadmap.brand.uploading')}
            {logo.busy === 'remove' && t('roadmap.brand.removing')}
            {logo.done && t(`roadmap.brand.${logo.done}`)}
          </p>
          {logo.error && <p className="rm-brand-error" role="alert" data-testid="brand-logo-error">{logo.error}</p>}
        </fieldset>
      </div>
    </details>
  );
}
