import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { COLUMNS } from './columns.js';
import type { TableState } from './useTableState.js';

/**
 * The header row: each sortable column is a button; aria-sort tells screen readers the current order.
 * Memoised: the grid re-renders on every scroll step, the header only when sort or selection changes.
 */
export const TableHeader = memo(function TableHeader({ state, allSelected, someSelected, onSelectAll, facilitator }: {
  state: TableState;
  allSelected: boolean;
  someSelected: boolean;
  onSelectAll: (all: boolean) => void;
  facilitator: boolean;
}) {
  const { t } = useTranslation();
  const { sort } = state;
  return (
    <div role="row" aria-rowindex={1} className="tb-row tb-head">
      {COLUMNS.map((c) => {
        const sorted = c.sort !== undefined && sort.key === c.sort;
        const ariaSort = sorted ? (sort.dir === 'asc' ? 'ascending' : 'descending') : c.sort ? 'none' : undefined;
        return (
          <div key={c.id} role="columnheader" aria-sort={ariaSort} className={`tb-cell tb-${c.id}`}>
            {c.id === 'select' ? (
              facilitator && (
                <input type="checkbox" checked={allSelected} ref={(el) => { if (el) el.indeterminate = someSelected && !allSelected; }}
                  onChange={(e) => onSelectAll(e.target.checked)} aria-label={t('table.selectAll')} data-testid="table-select-all" />
              )
            ) : c.sort ? (
              <button type="button" className="tb-sort" onClick={() => state.sortBy(c.sort!)} data-testid={`table-sort-${c.id}`}
                title={t('table.sortBy', { column: t(`table.col.${c.id}`) })}>
                {t(`table.col.${c.id}`)}
                <span aria-hidden="true" className="tb-sort-mark">{sorted ? (sort.dir === 'asc' ? '▲' : '▼') : ''}</span>
              </button>
            ) : (
              <span>{t(`table.col.${c.id}`)}</span>
            )}
          </div>
        );
      })}
    </div>
  );
});
