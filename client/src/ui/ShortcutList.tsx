import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';

export interface ShortcutEntry {
  /** The keys as printed, e.g. "Ctrl + Z". */
  keys: string;
  /** Its text is `${prefix}.${id}`. */
  id: string;
}

/**
 * A visible list of keyboard shortcuts (the table's and the board's), opened
 * with ? and closed with ?, Escape or its button; the button takes the focus
 * so a keyboard user lands in it. Texts: `${prefix}.title`, `.close` and one per entry.
 */
export function ShortcutList({ entries, prefix, className, testId, onClose }: {
  entries: ShortcutEntry[];
  prefix: string;
  className: string;
  testId: string;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  const titleId = `${testId}-title`;
  return (
    <div className={className} role="dialog" aria-modal="false" aria-labelledby={titleId} data-testid={testId}
      onKeyDown={(e) => { if (e.key === 'Escape' || e.key === '?') { e.stopPropagation(); onClose(); } }}>
      <h2 id={titleId}>{t(`${prefix}.title`)}</h2>
      <dl>
        {entries.map((k) => (
          <div key={k.id}><dt><kbd>{k.keys}</kbd></dt><dd>{t(`${prefix}.${k.id}`)}</dd></div>
        ))}
      </dl>
      <button type="button" ref={close} onClick={onClose} data-testid={`${testId}-close`}>{t(`${prefix}.close`)}</button>
    </div>
  );
}
