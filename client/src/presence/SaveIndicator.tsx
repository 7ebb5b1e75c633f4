import { useTranslation } from 'react-i18next';
import { useToasts } from '../ui/Toasts.js';
import type { SaveView } from '../sync/useSaveStatus.js';

/**
 * "All changes saved" / "Saving…" / offline / storage trouble, next to the
 * connection indicator. Calm on purpose: people keep working in every state,
 * so nothing here is red; only the two states worth a glance get a pill.
 * Phones show the icon alone: a tap shows the full sentence (no hover there).
 * In the toolbar "saved" reads as one short word (the full sentence is the
 * tooltip and what screen readers hear): the long one cost the board title
 * its room on laptops, Italian most of all.
 */
export function SaveIndicator({ view }: { view: SaveView }) {
  const { t, i18n } = useTranslation();
  const toasts = useToasts();
  let label: string;
  let help: string;
  let shown: string | undefined;
  switch (view.kind) {
    case 'saved': {
      label = t('save.saved');
      shown = t('save.savedShort');
      help = view.lastSavedAt === undefined
        ? t('save.savedHelp')
        : t('save.savedAt', { time: new Date(view.lastSavedAt).toLocaleTimeString(i18n.language, { hour: '2-digit', minute: '2-digit', second: '2-digit' }) });
      break;
    }
    case 'saving':
      label = t('save.saving');
      help = t('save.savingHelp');
      break;
    case 'offline':
      label = t('save.offline', { count: view.unsaved });
      // A reload works offline only where the service worker controls the page
      // (HTTPS or localhost); elsewhere the page must not promise it.
      help = t(offlineReloadWorks() ? 'save.offlineHelp' : 'save.offlineHelpNoReload');
      break;
    case 'storage':
      label = t('save.storage');
      help = t('save.storageHelp');
      break;
  }
  return (
    <button type="button" className={`save-status save-${view.kind}`} data-testid="save-status" data-state={view.kind}
      aria-live="polite" title={help} aria-label={label}
      onClick={() => toasts.show(`${label}. ${help}`, 'info')}>
      <span className="save-icon" aria-hidden="true" />
      <span className="save-label" aria-hidden="true">{shown ?? label}</span>
    </button>
  );
}

function offlineReloadWorks(): boolean {
  return typeof navigator !== 'undefined' && Boolean(navigator.serviceWorker?.controller);
}
