import { useEffect, useRef, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The toolbar's one labelled menu, "☰ Menu": the Board / Roadmap / Adoption
 * views, the exports and the facilitator's occasional tools (structure, dot
 * voting, after the workshop).
 *
 * Why a menu: at 1280–1440 px the toolbar cannot hold all of them with
 * readable labels and still show the board title in full, and the bare icons
 * they had there (⇩, a flag, ◔, ☰) meant nothing to participants.
 *
 * Invariants:
 * - every entry is a button with role="menuitem" (or menuitemradio) and a
 *   visible text label; sections have a visible heading;
 * - the menu closes on Escape (focus goes back to the button), on a pointer
 *   down outside it and after an entry is chosen, except entries marked
 *   `data-keep-open`, which close it themselves (an export shows
 *   "Preparing…" until its download starts);
 * - opening it from the keyboard focuses the first entry; arrow keys, Home and
 *   End move between entries (those shown: the sheet's close entry is hidden
 *   on wide screens);
 * - on a phone it is a full-height sheet that scrolls (styles.css), with a
 *   visible "Close the menu" at its top: every entry is reachable at 360 px.
 */
export function ToolbarMenu({ children }: { children: (close: () => void) => ReactNode }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const list = useRef<HTMLDivElement>(null);
  const close = () => setOpen(false);

  useEffect(() => {
    if (!open) return;
    const outside = (e: Event) => {
      if (!root.current?.contains(e.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', outside);
    return () => document.removeEventListener('pointerdown', outside);
  }, [open]);

  const items = () => [...(list.current?.querySelectorAll<HTMLButtonElement>('[role^="menuitem"]:not(:disabled)') ?? [])]
    .filter((b) => b.offsetParent !== null);

  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'Escape') {
      e.stopPropagation();
      setOpen(false);
      button.current?.focus();
      return;
    }
    const all = items();
    if (all.length === 0) return;
    const at = all.indexOf(document.activeElement as HTMLButtonElement);
    let next: number | undefined;
    if (e.key === 'ArrowDown') next = (at + 1) % all.length;
    else if (e.key === 'ArrowUp') next = (at - 1 + all.length) % all.length;
    else if (e.key === 'Home') next = 0;
    else if (e.key === 'End') next = all.length - 1;
    if (next !== undefined) {
      e.preventDefault();
      all[next]?.focus();
    }
  };

  return (
    <div className="menu-root toolbar-menu" ref={root} onKeyDown={open ? onKeyDown : undefined}>
      <button ref={button} type="button" className={`tool${open ? ' active' : ''}`} aria-haspopup="menu" aria-expanded={open}
        data-testid="toolbar-menu" title={t('toolbar.menuHelp')}
        onClick={() => setOpen((o) => !o)}
        onKeyDown={(e) => {
          if (!open && (e.key === 'ArrowDown' || e.key === 'Enter' || e.key === ' ')) {
            e.preventDefault();
            setOpen(true);
            requestAnimationFrame(() => items()[0]?.focus());
          }
        }}>
        <span aria-hidden="true">☰</span><span className="menu-label">{t('toolbar.menu')}</span><span className="caret" aria-hidden="true">▾</span>
      </button>
      {open && (
        <div className="menu toolbar-menu-list" role="menu" aria-label={t('toolbar.menuHelp')} ref={list} data-testid="toolbar-menu-list"
          onClick={(e) => {
            const item = (e.target as HTMLElement).closest('[role^="menuitem"]');
            if (item && !item.hasAttribute('data-keep-open')) setOpen(false);
          }}>
          <div className="menu-sheet-head">
            <strong aria-hidden="true">{t('toolbar.menu')}</strong>
            <button type="button" role="menuitem" className="menu-sheet-close" data-testid="toolbar-menu-close"
              onClick={() => button.current?.focus()}>
              <span aria-hidden="true">×</span> {t('toolbar.closeMenu')}
            </button>
          </div>
          {children(close)}
        </div>
      )}
    </div>
  );
}

/** One entry of the toolbar menu: an icon (decorative) and a visible label. */
export function MenuItem({ icon, label, hint, help, checked, testId, onClick }: {
  icon: ReactNode;
  label: string;
  /** A short technical note at the right (a file name), kept on one line. */
  hint?: string;
  /** A sentence about the entry: its tooltip and accessible description, never squeezed beside the label. */
  help?: string;
  /** For the view entries: which one is showing. */
  checked?: boolean;
  testId: string;
  onClick: () => void;
}) {
  return (
    <button type="button" role={checked === undefined ? 'menuitem' : 'menuitemradio'} aria-checked={checked}
      className={`menu-item${checked ? ' checked' : ''}`} data-testid={testId} onClick={onClick} title={help}>
      <span className="menu-icon" aria-hidden="true">{icon}</span>
      <strong>{label}</strong>
      {hint && <small className="menu-hint">{hint}</small>}
    </button>
  );
}
