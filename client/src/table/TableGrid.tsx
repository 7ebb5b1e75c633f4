import { forwardRef, useCallback, useImperativeHandle, useMemo, useRef, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { defaultRangeExtractor, useVirtualizer, type Range } from '@tanstack/react-virtual';
import type { Department, Note } from '../../../shared/src/index.js';
import { GRID_TEMPLATE, ROW_HEIGHT } from './columns.js';
import { deptOptions } from './ParticipantCells.js';
import { rowLabels } from './rowLabels.js';
import { TableHeader } from './TableHeader.js';
import { TableRowView } from './TableRowView.js';
import type { TableRow } from './tableRows.js';
import type { TableSelection } from './useTableSelection.js';
import type { TableState } from './useTableState.js';

export interface TableGridHandle {
  focus: () => void;
  /** Scrolls so the row at `index` is visible. */
  reveal: (index: number) => void;
}

/**
 * The rows as an ARIA grid (role=grid, rows with aria-rowindex of the full
 * count, so a screen reader says "row 412 of 2001" though only the rows in
 * view exist in the DOM: @tanstack/react-virtual renders those). The grid is
 * the one tab stop; the keyboard cursor is its aria-activedescendant, drawn
 * with a visible outline while the grid has focus.
 */
export const TableGrid = forwardRef<TableGridHandle, {
  rows: readonly TableRow[];
  state: TableState;
  selection: TableSelection;
  facilitator: boolean;
  canEditNote: (note: Note) => boolean;
  departments: ReadonlyMap<string, Department>;
  onKeyDown: (e: KeyboardEvent) => void;
  onSaveText: (id: string, text: string) => void;
}>(function TableGrid({ rows, state, selection, facilitator, canEditNote, departments, onKeyDown, onSaveText }, ref) {
  const { t } = useTranslation();
  // The virtualiser re-renders the grid whenever the rows in view change (every frame while scrolling):
  // everything the rows and header get is stable across those renders, so memo skips all but the rows coming into view.
  const labels = useMemo(() => rowLabels(t), [t]); // t changes with the language
  const options = useMemo(() => deptOptions(departments), [departments]);
  const scroller = useRef<HTMLDivElement>(null);
  // The cursor row is always rendered, even scrolled out of view: aria-activedescendant must name an element that exists.
  const cursorIndex = selection.cursorId === undefined ? -1 : rows.findIndex((r) => r.id === selection.cursorId);
  const rangeExtractor = useCallback((range: Range) => {
    const indexes = defaultRangeExtractor(range);
    return cursorIndex < 0 || indexes.includes(cursorIndex) ? indexes : [...indexes, cursorIndex].sort((a, b) => a - b);
  }, [cursorIndex]);
  const virtualizer = useVirtualizer({
    rangeExtractor,
    count: rows.length,
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_HEIGHT,
    // 8 rows (384 px) past each edge: more than a fast scroll's step per frame, fewer rows to mount, style and paint.
    overscan: 8,
    // The sticky header sits inside the scroller, above the rows.
    scrollPaddingStart: ROW_HEIGHT,
  });
  useImperativeHandle(ref, () => ({
    focus: () => scroller.current?.focus(),
    reveal: (index) => virtualizer.scrollToIndex(index, { align: 'auto' }),
  }), [virtualizer]);
  const selectedCount = selection.selectedIds.length;
  const onSelectAll = useCallback((all: boolean) => (all ? selection.selectAll() : selection.clear()), [selection]);
  return (
    <div ref={scroller} className="tb-scroll" role="grid" tabIndex={0} aria-label={t('table.title')}
      aria-rowcount={rows.length + 1} aria-colcount={14} aria-multiselectable={facilitator || undefined}
      aria-activedescendant={selection.cursorId ? `tb-row-${selection.cursorId}` : undefined}
      style={{ ['--tb-cols' as string]: GRID_TEMPLATE }} onKeyDown={onKeyDown} data-testid="table-grid">
      <TableHeader state={state} facilitator={facilitator} allSelected={rows.length > 0 && selectedCount === rows.length}
        someSelected={selectedCount > 0} onSelectAll={onSelectAll} />
      <div role="rowgroup" className="tb-body" style={{ height: virtualizer.getTotalSize() }}>
        {virtualizer.getVirtualItems().map((v) => {
          const row = rows[v.index]!;
          return (
            <TableRowView key={row.id} row={row} rowIndex={v.index + 2}
              top={v.start} height={ROW_HEIGHT}
              active={row.id === selection.cursorId} selected={selection.isSelected(row.id)}
              facilitator={facilitator} canEditText={canEditNote(row.note)} departments={departments} labels={labels} deptOptions={options}
              onClick={selection.click} onToggle={selection.toggle} onSaveText={onSaveText} />
          );
        })}
      </div>
      {rows.length === 0 && <p className="tb-none" data-testid="table-none">{t('table.none')}</p>}
    </div>
  );
});
