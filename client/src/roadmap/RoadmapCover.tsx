import { useTranslation } from 'react-i18next';
import { formatRoadmapDates, openNotesShown, type Brand, type Roadmap, type RoadmapLabels } from '../../../shared/src/index.js';
import { BrandPanel } from './BrandPanel.js';
import { accentOf, readableOnWhite } from './brandLook.js';

/**
 * The roadmap's cover: the client's logo and name ("Prepared for …") and
 * accent colour, the title, dates and figures; facilitators also get the
 * "Client brand" panel under it.
 */
export function RoadmapCover({ roadmap, labels, logoUrl, facilitator, boardId, token, storedBrand }: {
  roadmap: Roadmap;
  labels: RoadmapLabels;
  logoUrl: string | undefined;
  facilitator: boolean;
  boardId: string;
  token: string;
  storedBrand: Brand;
}) {
  const { t } = useTranslation();
  const { brand } = roadmap;
  const accent = accentOf(brand);
  const showLogo = Boolean(logoUrl && brand.logo);
  return (
    <header className="rm-cover" style={{ borderTopColor: accent }} data-testid="roadmap-cover" data-accent={accent}>
      <div className="rm-cover-text">
        {(showLogo || brand.companyName) && (
          <div className="rm-cover-brand" data-testid="roadmap-cover-brand">
            {showLogo && (
              <img src={logoUrl} className="rm-cover-logo" data-testid="roadmap-cover-logo"
                alt={brand.companyName ? t('roadmap.brand.logoOf', { name: brand.companyName }) : t('roadmap.brand.logoPreview')} />
            )}
            {brand.companyName && <p className="rm-prepared" data-testid="roadmap-prepared-for">{labels.preparedFor(brand.companyName)}</p>}
          </div>
        )}
        <p className="rm-eyebrow" style={readableOnWhite(accent) ? { color: accent } : undefined}>{labels.salesRoadmap}</p>
        <h1>{roadmap.title}</h1>
        <p className="rm-dates">{labels.workshopDates}: {formatRoadmapDates(roadmap.createdAt, roadmap.lastActivityAt, labels)}</p>
      </div>
      <button type="button" className="primary rm-print" onClick={() => window.print()} data-testid="roadmap-print">
        {t('roadmap.print')}
      </button>
      <dl className="rm-stats">
        <div><dt>{labels.actions}</dt><dd data-testid="roadmap-count-actions">{roadmap.counts.actions}</dd></div>
        {openNotesShown(roadmap).count && (
          <div className={roadmap.counts.open > 0 ? 'rm-stat-open' : undefined}>
            <dt>{labels.stillToDecide}</dt><dd data-testid="roadmap-count-open">{roadmap.counts.open}</dd>
          </div>
        )}
        <div><dt>{labels.participants}</dt><dd>{roadmap.participants.total}</dd></div>
        <div><dt>{labels.openQuestions}</dt><dd>{roadmap.counts.questions}</dd></div>
        <div><dt>{labels.parkedIdeas}</dt><dd>{roadmap.counts.parked}</dd></div>
      </dl>
      {roadmap.participants.byDepartment.length > 0 && (
        <p className="rm-people">
          {roadmap.participants.byDepartment.map((h) => (
            <span key={h.department?.key ?? '-'}>
              <span className="dot" style={{ background: h.department?.color ?? '#94a3b8' }} />
              {h.department?.name ?? labels.noDepartment} {h.total}
            </span>
          ))}
        </p>
      )}
      <p className="rm-include">{labels.includeNote[roadmap.include]}</p>
      {facilitator && <BrandPanel brand={storedBrand} logoUrl={logoUrl} boardId={boardId} token={token} />}
    </header>
  );
}
