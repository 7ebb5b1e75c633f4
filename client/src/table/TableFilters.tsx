import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NOTE_KINDS, NOTE_STATUSES, type BoardSnapshot } from '../../../shared/src/index.js';
import { activeFilterCount, isKind, isStatus } from './tableFilter.js';
import type { TableState } from './useTableState.js';

const KIND_KEY = { action: 'action', 'best practice': 'bestPractice', question: 'question' } as const;

/** One labelled select of the filter bar; '' is "all". */
function Pick({ id, label, value, options, onChange }: {
  id: string;
  label: string;
  value: string | undefined;
  options: { value: string; label: string }[];
  onChange: (value: string) => void;
}) {
  const { t } = useTranslation();
  return (
    <label className="tb-filter">
      <span>{label}</span>
      <select value={value ?? ''} onChange={(e) => onChange(e.target.value)} data-testid={`table-filter-${id}`}>
        <option value="">{t('table.all')}</option>
        {options.map((o) => <option key={o.value} value={o.value}>{o.label}</option>)}
      </select>
    </label>
  );
}

/** The filter bar: search, the selects, "no owner" and "contested owner", and the count shown. */
export function TableFilters({ state, snapshot, shown, total }: {
  state: TableState;
  snapshot: BoardSnapshot;
  shown: number;
  total: number;
}) {
  const { t } = useTranslation();
  const { filter: f, setFilter } = state;
  const stages = snapshot.segments
    .filter((s) => f.segment === undefined || s.id === f.segment)
    .flatMap((s) => s.stages.map((st) => ({ value: st.id, label: snapshot.segments.length > 1 ? `${s.name} · ${st.name}` : st.name })));
  const departments = snapshot.departments.map((d) => ({ value: d.key, label: d.name }));
  const authors = [...new Map([...snapshot.notesById.values()].map((n) => [n.authorId, n.authorName])).entries()]
    .sort((a, b) => a[1].localeCompare(b[1])).map(([value, label]) => ({ value, label: label || '–' }));
  const active = activeFilterCount(f);
  // Phones show the search and a "Filters" toggle; the selects fold away so the list keeps the screen (table.css).
  const [more, setMore] = useState(false);
  return (
    <div className="tb-filters" role="search" aria-label={t('table.filters')}>
      <label className="tb-filter tb-search">
        <span>{t('table.search')}</span>
        <input type="search" value={f.q ?? ''} placeholder={t('table.searchPlaceholder')} data-testid="table-search"
          onChange={(e) => setFilter({ q: e.target.value })} />
      </label>
      <button type="button" className="tb-more-toggle" aria-expanded={more} aria-controls="tb-more" onClick={() => setMore((m) => !m)}
        data-testid="table-filters-toggle">
        {t('table.moreFilters', { count: active })}
      </button>
      <div id="tb-more" className={`tb-more${more ? ' open' : ''}`}>
      <Pick id="segment" label={t('table.col.segment')} value={f.segment}
        options={snapshot.segments.map((s) => ({ value: s.id, label: s.name }))}
        onChange={(v) => setFilter({ segment: v, stage: undefined })} />
      <Pick id="stage" label={t('table.col.stage')} value={f.stage} options={stages} onChange={(v) => setFilter({ stage: v })} />
      <Pick id="kind" label={t('table.col.kind')} value={f.kind}
        options={NOTE_KINDS.map((k) => ({ value: k, label: t(`kinds.${KIND_KEY[k]}`) }))}
        onChange={(v) => setFilter({ kind: isKind(v) ? v : undefined })} />
      <Pick id="status" label={t('table.col.status')} value={f.status}
        options={NOTE_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
        onChange={(v) => setFilter({ status: isStatus(v) ? v : undefined })} />
      <Pick id="owner" label={t('table.owner')} value={f.owner} options={departments} onChange={(v) => setFilter({ owner: v })} />
      <Pick id="author" label={t('table.col.author')} value={f.author} options={authors} onChange={(v) => setFilter({ author: v })} />
      <Pick id="department" label={t('table.col.department')} value={f.department} options={departments}
        onChange={(v) => setFilter({ department: v })} />
      <label className="tb-check" title={t('table.noOwnerHint')}>
        <input type="checkbox" checked={f.noOwner === true} onChange={(e) => setFilter({ noOwner: e.target.checked })}
          data-testid="table-filter-noowner" />
        {t('table.noOwner')}
      </label>
      <label className="tb-check" title={t('table.contestedHint')}>
        <input type="checkbox" checked={f.contested === true} onChange={(e) => setFilter({ contested: e.target.checked })}
          data-testid="table-filter-contested" />
        {t('table.contested')}
        <span className="tb-info" aria-hidden="true">i</span>
      </label>
      </div>
      <p className="tb-count" aria-live="polite" data-testid="table-count" data-shown={shown}>
        {t('table.count', { shown, total })}
      </p>
      {active > 0 && (
        <button type="button" className="tb-clear" onClick={state.clearFilter} data-testid="table-clear-filter">
          {t('table.clearFilter', { count: active })}
        </button>
      )}
    </div>
  );
}
