import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateBoardResponse } from '../../../shared/src/index.js';
import { LanguageSwitch } from '../ui/LanguageSwitch.js';
import { chooseLanguage } from '../i18n/i18n.js';
import { CreateForm } from '../home/CreateForm.js';
import { LinksCard } from '../home/LinksCard.js';
import { RestoreForm } from '../versions/RestoreForm.js';

export function HomePage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<{ title: string; response: CreateBoardResponse }>();
  const [restoring, setRestoring] = useState(false);
  return (
    <div className="home">
      <header className="home-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span>Tabella</span>
        </div>
        <LanguageSwitch onChoose={chooseLanguage} />
      </header>
      <main className="home-main">
        <section className="home-intro">
          <h1>{t('home.headline')}</h1>
          <p>{t('home.lead')}</p>
          <ol className="home-steps">
            <li>{t('home.step1')}</li>
            <li>{t('home.step2')}</li>
            <li>{t('home.step3')}</li>
          </ol>
        </section>
        <section className="card home-card">
          {created ? (
            <LinksCard title={created.title} response={created.response} onReset={() => setCreated(undefined)} />
          ) : restoring ? (
            <RestoreForm onCreated={(title, response) => setCreated({ title, response })} onCancel={() => setRestoring(false)} />
          ) : (
            <>
              <CreateForm onCreated={(title, response) => setCreated({ title, response })} />
              <button type="button" className="link-button restore-link" onClick={() => setRestoring(true)} data-testid="restore-open">
                {t('restore.open')}
              </button>
            </>
          )}
        </section>
      </main>
      <footer className="home-footer">{t('home.footer')}</footer>
    </div>
  );
}
