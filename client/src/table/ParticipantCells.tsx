import { useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { proposeOwner, type Department } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import { useConverge } from '../board-base/ConvergeContext.js';
import type { RowLabels } from './rowLabels.js';
import type { TableRow } from './tableRows.js';

/**
 * Dots: the total (unless hidden from us while voting is open) and, while we
 * may vote, our own dots with −/+ (Converge decides, as the server's rules do).
 */
function Votes({ row, labels }: { row: TableRow; labels: RowLabels }) {
  const c = useConverge();
  const { total, mine } = c.dots(row.id);
  return (
    <div role="gridcell" className="tb-cell tb-votes" data-testid="table-votes" data-total={total ?? ''}>
      {total === null
        ? <span className="muted" title={labels.hiddenHint}>{mine > 0 ? labels.pillMine(mine) : '–'}</span>
        : <span>{total}</span>}
      {c.canVote && (
        <span className="tb-dots" onClick={(e) => e.stopPropagation()}>
          <button type="button" className="tb-mini" disabled={mine === 0} onClick={() => c.removeDot(row.id)}
            aria-label={labels.removeDot} title={labels.removeDot} data-testid="table-dot-remove">−</button>
          <button type="button" className="tb-mini" disabled={!c.canAdd(row.id)} onClick={() => c.addDot(row.id)}
            aria-label={labels.addDot} title={labels.addDot} data-testid="table-dot-add">+</button>
        </span>
      )}
    </div>
  );
}

/**
 * The owner tally (most proposals first) and, for a participant while the
 * phase lets them propose, their own proposal as a select (one per person per
 * note; "none" withdraws it).
 */
function Owners({ row, departments, labels, options }: {
  row: TableRow;
  departments: ReadonlyMap<string, Department>;
  labels: RowLabels;
  /** One <option> per department (deptOptions), built once by the grid. */
  options: ReactNode;
}) {
  const { run } = useBoard();
  const c = useConverge();
  const mine = c.snapshot.proposalsByNote.get(row.id)?.get(c.myId) ?? '';
  const propose = !c.facilitator && c.canPropose;
  return (
    <div role="gridcell" className={`tb-cell tb-owners${row.contested ? ' contested' : ''}`} data-testid="table-owners"
      data-contested={row.contested}>
      <span className="tb-tally">
        {row.tally.map(({ department, count }) => (
          <span key={department} className="tb-tally-chip" style={{ borderColor: departments.get(department)?.color }}>
            {departments.get(department)?.name} <b>{count}</b>
          </span>
        ))}
      </span>
      {propose && (
        <select value={mine} aria-label={labels.propose} title={labels.propose} data-testid="table-propose"
          onClick={(e) => e.stopPropagation()}
          onChange={(e) => run((d, o) => proposeOwner(d, row.id, c.myId, e.target.value || null, o))}>
          <option value="">{labels.noProposal}</option>
          {options}
        </select>
      )}
    </div>
  );
}

/** Inline editor for our own note's text: Enter saves, Escape cancels (onDone(undefined)). */
function TextEditor({ text, onDone }: { text: string; onDone: (text: string | undefined) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(text);
  // Enter or Escape ends it once; the blur that follows must not save again.
  const done = useRef(false);
  const finish = (result: string | undefined) => {
    if (done.current) return;
    done.current = true;
    onDone(result);
  };
  return (
    <input className="tb-text-input" value={value} autoFocus aria-label={t('table.editText')} data-testid="table-text-input"
      maxLength={1000} onClick={(e) => e.stopPropagation()} onChange={(e) => setValue(e.target.value)}
      onBlur={() => finish(value)}
      onKeyDown={(e) => {
        e.stopPropagation();
        if (e.key === 'Enter') finish(value);
        else if (e.key === 'Escape') finish(undefined);
      }} />
  );
}

/** The owner select's department options, shared by every row (built once per department list). */
export function deptOptions(departments: ReadonlyMap<string, Department>): ReactNode {
  return [...departments.values()].map((d) => <option key={d.key} value={d.key}>{d.name}</option>);
}

export const ParticipantCells = { Votes, Owners, TextEditor };
