import { useCallback, useDeferredValue, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  bulkConfirmOwners, bulkDelete, bulkMerge, bulkMoveToStage, bulkSetStatus, type NoteStatus,
} from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { useConverge } from '../board-base/ConvergeContext.js';
import { BulkBar, type BulkActions } from './BulkBar.js';
import { ShortcutList } from './ShortcutList.js';
import { TableFilters } from './TableFilters.js';
import { TableGrid, type TableGridHandle } from './TableGrid.js';
import { filterRows } from './tableFilter.js';
import { buildRows } from './tableRows.js';
import { sortRows } from './tableSort.js';
import { useTableKeys } from './useTableKeys.js';
import { useTableSelection } from './useTableSelection.js';
import { useTableState } from './useTableState.js';
import './table.css';

/**
 * The notes table (issue #12): every note of the board as a sortable,
 * filterable, virtualised grid. Facilitators triage from it (bulk bar and
 * keys); participants read it and act on their own notes, dots and proposals
 * (the cells decide with Converge and BoardContext, as the rest of the board).
 * Must be rendered inside BoardContext and ConvergeContext.
 */
export function TableView({ onOpenNote }: { onOpenNote: (noteId: string) => void }) {
  const { t } = useTranslation();
  const { run, canEditNote, notes, endUndoStep } = useBoard();
  const c = useConverge();
  const { snapshot, facilitator } = c;
  const state = useTableState();
  const all = useMemo(() => buildRows(snapshot, c.hidden), [snapshot, c.hidden]);
  const names = useCallback((key: string) => snapshot.departmentsByKey.get(key)?.name ?? '', [snapshot]);
  // Deferred: typing in the search box stays responsive while 2,000 rows are re-filtered behind it.
  const filter = useDeferredValue(state.filter);
  const rows = useMemo(() => sortRows(filterRows(all, filter), state.sort, names), [all, filter, state.sort, names]);
  const ids = useMemo(() => rows.map((r) => r.id), [rows]);
  const selection = useTableSelection(ids);
  const [help, setHelp] = useState(false);
  const grid = useRef<TableGridHandle>(null);
  const responsible = useRef<HTMLInputElement>(null);

  const saveText = useCallback((id: string, text: string) => notes.update(id, { text }), [notes]);
  const refocus = () => grid.current?.focus();
  // Each bulk action is its own undo step, however fast the next key follows (ops/bulk.ts: one transaction each).
  const bulk = (op: Parameters<typeof run>[0]) => { endUndoStep?.(); run(op); endUndoStep?.(); refocus(); };
  const setStatus = (targets: string[], status: NoteStatus) =>
    targets.length > 0 && bulk((d, o) => bulkSetStatus(d, targets, status, o));
  const setResponsible = (targets: string[], key: string) =>
    targets.length > 0 && bulk((d, o) => bulkConfirmOwners(d, targets, { responsible: key }, o));
  const actions: BulkActions = {
    setStatus: (status) => setStatus(selection.targets(), status),
    setResponsible: (key) => setResponsible(selection.targets(), key),
    setSupporting: (keys) => bulk((d, o) => bulkConfirmOwners(d, selection.targets(), { supporting: keys }, o)),
    move: (stageId) => bulk((d, o) => bulkMoveToStage(d, selection.targets(), stageId, o)),
    merge: () => { bulk((d, o) => bulkMerge(d, selection.targets(), o)); selection.clear(); },
    remove: () => { bulk((d, o) => bulkDelete(d, selection.targets(), o)); selection.clear(); },
  };
  const onKeyDown = useTableKeys({
    selection, facilitator, setStatus,
    setResponsibleAt: (i, targets) => { const d = snapshot.departments[i]; if (d) setResponsible(targets, d.key); },
    focusResponsible: () => responsible.current?.focus(),
    open: onOpenNote,
    toggleHelp: () => setHelp((h) => !h),
    closeHelp: () => setHelp(false),
    reveal: () => { revealPending.current = true; },
  });
  // A key moved the cursor: scroll its row into view once it has moved (not on
  // every re-sort by others' votes, which would yank the list from under a reader).
  const revealPending = useRef(false);
  const idsRef = useRef(ids);
  useEffect(() => { idsRef.current = ids; });
  useEffect(() => {
    if (!revealPending.current) return;
    revealPending.current = false;
    const at = idsRef.current.indexOf(selection.cursorId ?? '');
    if (at >= 0) grid.current?.reveal(at);
  }, [selection.cursorId]);

  return (
    // Plain keys stay in the table: the board's window-wide keys (N, Delete, A/P on the board's selected note) must not act under it.
    <div className="table-screen" data-testid="table-view" tabIndex={-1}
      onKeyDown={(e) => { if (!e.ctrlKey && !e.metaKey && !e.altKey) e.stopPropagation(); }}>
      <div className="tb-top">
        <h1 className="tb-title">{t('table.title')}</h1>
        <button type="button" className="tb-keys-button" onClick={() => setHelp((h) => !h)} aria-expanded={help}
          data-testid="table-shortcuts-open" title={t('table.keys.hint')}>
          <kbd>?</kbd> {t('table.keys.button')}
        </button>
        {!facilitator && <p className="tb-readonly small" data-testid="table-readonly">{t('table.readOnly')}</p>}
        {c.hidden && <p className="tb-readonly small">{t('votes.hiddenHint')}</p>}
      </div>
      <TableFilters state={state} snapshot={snapshot} shown={rows.length} total={all.length} />
      {facilitator && (
        <BulkBar ref={responsible} count={selection.selectedIds.length} snapshot={snapshot} actions={actions}
          onClear={selection.clear} />
      )}
      <TableGrid ref={grid} rows={rows} state={state} selection={selection} facilitator={facilitator}
        canEditNote={canEditNote} departments={snapshot.departmentsByKey} onKeyDown={onKeyDown}
        onSaveText={saveText} />
      {help && <ShortcutList facilitator={facilitator} onClose={() => { setHelp(false); refocus(); }} />}
    </div>
  );
}
