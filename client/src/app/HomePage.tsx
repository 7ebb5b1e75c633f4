import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CreateBoardResponse } from '../../../shared/src/index.js';
import { LanguageSwitch } from '../ui/LanguageSwitch.js';
import { chooseLanguage } from '../i18n/i18n.js';
import { CreateForm } from '../home/CreateForm.js';
import { LinksCard } from '../home/LinksCard.js';
import { MyWorkshops } from '../home/MyWorkshops.js';
import { JoinWithCode } from '../home/JoinWithCode.js';
import { rememberWorkshop } from '../join/myWorkshops.js';
import { RestoreForm } from '../versions/RestoreForm.js';

export function HomePage() {
  const { t } = useTranslation();
  const [created, setCreated] = useState<{ title: string; response: CreateBoardResponse }>();
  const [restoring, setRestoring] = useState(false);
  const onCreated = (title: string, response: CreateBoardResponse) => {
    rememberWorkshop({ boardId: response.id, title, role: 'facilitator', links: response.links });
    setCreated({ title, response });
  };
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
          <JoinWithCode />
          <MyWorkshops key={created?.response.id ?? ''} />
        </section>
        <section className="card home-card">
          {created ? (
            <LinksCard title={created.title} response={created.response} onReset={() => setCreated(undefined)} />
          ) : restoring ? (
            <RestoreForm onCreated={onCreated} onCancel={() => setRestoring(false)} />
          ) : (
            <>
              <CreateForm onCreated={onCreated} />
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
