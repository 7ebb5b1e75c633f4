import { ShortcutList as List } from '../ui/ShortcutList.js';

const KEYS: { keys: string; id: string; facilitator?: boolean }[] = [
  { keys: 'j / ↓', id: 'down' },
  { keys: 'k / ↑', id: 'up' },
  { keys: 'Shift + ↑ ↓', id: 'extend' },
  { keys: 'x / Space', id: 'toggle', facilitator: true },
  { keys: 'a', id: 'accept', facilitator: true },
  { keys: 'p', id: 'park', facilitator: true },
  { keys: 'o', id: 'reopen', facilitator: true },
  { keys: '1 … 9', id: 'digit', facilitator: true },
  { keys: 'r', id: 'typeDept', facilitator: true },
  { keys: 'Enter', id: 'open' },
  { keys: 'Ctrl + Z', id: 'undo', facilitator: true },
  { keys: 'Esc', id: 'escape' },
  { keys: '?', id: 'help' },
];

/** The visible list of the table's keys (useTableKeys.ts), opened with ? or the "Keys" button. */
export function ShortcutList({ facilitator, onClose }: { facilitator: boolean; onClose: () => void }) {
  return (
    <List entries={KEYS.filter((k) => facilitator || !k.facilitator)} prefix="table.keys" className="tb-help"
      testId="table-shortcuts" onClose={onClose} />
  );
}
