import { memo, useState, type ReactNode } from 'react';
import type { Department } from '../../../shared/src/index.js';
import type { TableRow } from './tableRows.js';
import { ParticipantCells } from './ParticipantCells.js';
import { KIND_KEY, type RowLabels } from './rowLabels.js';

function DeptName({ dept }: { dept: Department | undefined }) {
  if (!dept) return null;
  return <span className="tb-dept"><span className="tb-swatch" style={{ background: dept.color }} aria-hidden="true" />{dept.name}</span>;
}

/**
 * One note's row. Cells are read-only text except: the selection checkbox
 * (facilitators), and for participants their own dots, owner proposal and,
 * on their own notes, the text (ParticipantCells.tsx).
 */
export const TableRowView = memo(function TableRowView({
  row, rowIndex, top, height, active, selected, facilitator, canEditText, departments, labels, deptOptions, onClick, onToggle, onSaveText,
}: {
  row: TableRow;
  /** aria-rowindex: 1 is the header. */
  rowIndex: number;
  /** Where the virtualiser puts the row (px from the top of the list). Plain numbers, so memo skips rows that stay put while scrolling. */
  top: number;
  height: number;
  active: boolean;
  selected: boolean;
  facilitator: boolean;
  /** We may edit this note's text (our own, while the phase allows; facilitators any). */
  canEditText: boolean;
  departments: ReadonlyMap<string, Department>;
  /** The grid's strings, translated once (rowLabels.ts). */
  labels: RowLabels;
  /** The owner select's options, built once per department list. */
  deptOptions: ReactNode;
  onClick: (id: string, mods: { shift?: boolean; toggle?: boolean }) => void;
  onToggle: (id: string) => void;
  onSaveText: (id: string, text: string) => void;
}) {
  const [editing, setEditing] = useState(false);
  const mine = canEditText && !facilitator;
  return (
    <div role="row" id={`tb-row-${row.id}`} aria-rowindex={rowIndex} aria-selected={facilitator ? selected : undefined}
      className={`tb-row${active ? ' active' : ''}${selected ? ' selected' : ''}${mine ? ' mine' : ''}`} style={{ transform: `translateY(${top}px)`, height }}
      data-testid="table-row" data-note-id={row.id} data-status={row.status} data-editable={canEditText}
      onClick={(e) => onClick(row.id, { shift: e.shiftKey, toggle: e.ctrlKey || e.metaKey })}>
      <div role="gridcell" className="tb-cell tb-select">
        {facilitator && (
          <input type="checkbox" checked={selected} tabIndex={-1} aria-label={labels.selectRow}
            onClick={(e) => e.stopPropagation()} onChange={() => onToggle(row.id)} data-testid="table-row-select" />
        )}
      </div>
      <div role="gridcell" className="tb-cell tb-rank" data-testid="table-rank">
        {row.rank !== null && (row.votes ?? 0) > 0 && (
          <span title={row.tied ? labels.tiedTitle : undefined}>{row.rank}{row.tied ? '=' : ''}</span>
        )}
      </div>
      <ParticipantCells.Votes row={row} labels={labels} />
      <div role="gridcell" className="tb-cell tb-segment">{row.segmentName}</div>
      <div role="gridcell" className="tb-cell tb-stage">{row.stageName}</div>
      <div role="gridcell" className="tb-cell tb-kind"><span className={`tb-kind-chip k-${KIND_KEY[row.kind]}`}>{labels.kinds[row.kind]}</span></div>
      <div role="gridcell" className="tb-cell tb-text" title={row.text}>
        {editing ? (
          <ParticipantCells.TextEditor text={row.text} onDone={(text) => {
            setEditing(false);
            if (text !== undefined && text !== row.text) onSaveText(row.id, text);
          }} />
        ) : (
          <>
            <span className="tb-text-body" data-testid="table-text">{row.text || <span className="muted">{labels.empty}</span>}</span>
            {mine && (
              <button type="button" className="tb-mini" onClick={(e) => { e.stopPropagation(); setEditing(true); }}
                data-testid="table-edit-text" aria-label={labels.editText} title={labels.editText}>✎</button>
            )}
          </>
        )}
      </div>
      <div role="gridcell" className="tb-cell tb-author">{row.authorName}</div>
      <div role="gridcell" className="tb-cell tb-department"><DeptName dept={departments.get(row.department)} /></div>
      <ParticipantCells.Owners row={row} departments={departments} labels={labels} options={deptOptions} />
      <div role="gridcell" className="tb-cell tb-status">
        <span className={`tb-status-chip s-${row.status}`} data-testid="table-status">{labels.status[row.status]}</span>
      </div>
      <div role="gridcell" className="tb-cell tb-responsible" data-testid="table-responsible" data-key={row.responsible}>
        <DeptName dept={departments.get(row.responsible)} />
      </div>
      <div role="gridcell" className="tb-cell tb-supporting" data-testid="table-supporting">
        {row.supporting.map((k) => departments.get(k)?.name).filter(Boolean).join(', ')}
      </div>
      <div role="gridcell" className="tb-cell tb-merged">{row.mergedCount > 0 ? `×${row.mergedCount}` : ''}</div>
    </div>
  );
});
