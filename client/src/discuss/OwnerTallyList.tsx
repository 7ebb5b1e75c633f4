import { useTranslation } from 'react-i18next';
import type { TallyLine } from './useDiscussionView.js';

/**
 * The owner proposals on the current note, tallied by department, most first,
 * with the people who proposed each. The bar is a reading aid; the count is
 * always written out, so nothing depends on colour.
 */
export function OwnerTallyList({ tally }: { tally: TallyLine[] }) {
  const { t } = useTranslation();
  const max = Math.max(1, ...tally.map((l) => l.count));
  if (tally.length === 0) return <p className="discuss-empty" data-testid="discuss-tally-empty">{t('discuss.noProposals')}</p>;
  return (
    <ul className="discuss-tally" data-testid="discuss-tally">
      {tally.map(({ department, count, names }) => (
        <li key={department.key} data-testid={`discuss-tally-${department.key}`} data-count={count}>
          <div className="tally-head">
            <span className="tally-swatch" style={{ background: department.color }} aria-hidden="true" />
            <strong className="tally-name">{department.name}</strong>
            <span className="tally-count">{t('discuss.people', { count })}</span>
          </div>
          <div className="tally-bar" aria-hidden="true">
            <span style={{ width: `${(count / max) * 100}%`, background: department.color }} />
          </div>
          {names.length > 0 && <p className="tally-names" data-testid={`discuss-proposers-${department.key}`}>{names.join(', ')}</p>}
        </li>
      ))}
    </ul>
  );
}
