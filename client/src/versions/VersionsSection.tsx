import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateBoardResponse, VersionInfo } from '../../../shared/src/index.js';
import { LinksCard } from '../home/LinksCard.js';
import { SERVER_EXPORTS, downloadExport } from '../exports/download.js';
import { copyVersion, listVersions, saveVersion } from '../followup/api.js';
import { errorText } from '../i18n/errorText.js';

/** Named snapshots ("End of day 1"): save, list, export any of them, start a new board from one. */
export function VersionsSection({ boardId, token, title }: { boardId: string; token: string; title: string }) {
  const { t, i18n } = useTranslation();
  const [versions, setVersions] = useState<VersionInfo[]>();
  const [name, setName] = useState('');
  const [error, setError] = useState<string>();
  const [copied, setCopied] = useState<{ name: string; response: CreateBoardResponse }>();
  const fail = useCallback((err: unknown) => setError(errorText(t, err)), [t]);

  const reload = useCallback(() => listVersions(boardId, token).then(setVersions, fail), [boardId, token, fail]);
  useEffect(() => {
    void reload();
  }, [reload]);

  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!name.trim()) return;
    setError(undefined);
    try {
      await saveVersion(boardId, token, name.trim());
      setName('');
      await reload();
    } catch (err) {
      fail(err);
    }
  };

  if (copied) {
    return (
      <section className="versions" data-testid="version-copy">
        <LinksCard title={copied.name} response={copied.response} onReset={() => setCopied(undefined)} />
      </section>
    );
  }
  return (
    <section className="versions" data-testid="versions">
      <h3>{t('versions.title')}</h3>
      <form className="row" onSubmit={(e) => void save(e)}>
        <input value={name} maxLength={80} placeholder={t('versions.placeholder')} aria-label={t('versions.name')}
          onChange={(e) => setName(e.target.value)} data-testid="version-name" />
        <button type="submit" className="primary small" disabled={!name.trim()} data-testid="version-save">{t('versions.save')}</button>
      </form>
      {error && <p className="form-error" role="alert">{error}</p>}
      {versions && versions.length === 0 && <p className="muted small">{t('versions.none')}</p>}
      <ul className="version-list">
        {versions?.map((v) => (
          <li key={v.id} data-testid="version" data-version-id={v.id}>
            <div>
              <strong>{v.name}</strong>
              <small className="muted">{new Date(v.createdAt).toLocaleString(i18n.language)}</small>
            </div>
            <div className="version-actions">
              {SERVER_EXPORTS.map((file) => (
                <button key={file} type="button" className="small" title={t(`exports.files.${file.replace('.', '_')}`)}
                  onClick={() => void downloadExport(boardId, token, file, { version: v.id }).catch(fail)} data-testid={`version-export-${file}`}>
                  {file.split('.').pop()?.toUpperCase()}
                </button>
              ))}
              <button type="button" className="small primary" data-testid="version-copy-button"
                onClick={() => void copyVersion(boardId, token, v.id).then(
                  (response) => setCopied({ name: t('versions.copyTitle', { title, version: v.name }), response }), fail)}>
                {t('versions.newBoard')}
              </button>
            </div>
          </li>
        ))}
      </ul>
    </section>
  );
}
