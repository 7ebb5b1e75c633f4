import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

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
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  return (
    <div className="tb-help" role="dialog" aria-modal="false" aria-labelledby="tb-help-title" data-testid="table-shortcuts"
      onKeyDown={(e) => { if (e.key === 'Escape' || e.key === '?') { e.stopPropagation(); onClose(); } }}>
      <h2 id="tb-help-title">{t('table.keys.title')}</h2>
      <dl>
        {KEYS.filter((k) => facilitator || !k.facilitator).map((k) => (
          <div key={k.id}><dt><kbd>{k.keys}</kbd></dt><dd>{t(`table.keys.${k.id}`)}</dd></div>
        ))}
      </dl>
      <button type="button" ref={close} onClick={onClose} data-testid="table-shortcuts-close">{t('table.keys.close')}</button>
    </div>
  );
}
