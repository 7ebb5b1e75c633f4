import { useTranslation } from 'react-i18next';
import type { Roadmap } from '../../../shared/src/index.js';

/** Every stage with how many departments committed to it; a click opens the stage to add or edit. */
export function CommitmentsOverview({ roadmap, onOpen }: { roadmap: Roadmap; onOpen: (stageId: string) => void }) {
  const { t } = useTranslation();
  const departments = roadmap.departments.length;
  return (
    <section className="fu-overview">
      <h3>{t('followUp.commitmentsTitle')}</h3>
      <p className="muted small">{t('followUp.commitmentsHelp')}</p>
      {roadmap.segments.map((s) => (
        <div key={s.id} className="fu-seg" style={{ borderLeftColor: s.color }}>
          <strong>{s.name}</strong>
          <ul>
            {s.stages.map((st) => (
              <li key={st.id}>
                <button type="button" className="fu-stage" onClick={() => onOpen(st.id)} data-testid="commitments-stage"
                  data-stage-id={st.id}>
                  <span>{st.number}. {st.name}</span>
                  <span className={`badge${st.commitments.length ? ' on' : ''}`}>{st.commitments.length}/{departments}</span>
                </button>
              </li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
