import { useTranslation } from 'react-i18next';
import { ShortcutList, type ShortcutEntry } from '../ui/ShortcutList.js';

export const BOARD_KEYS_HINT_ID = 'board-keys-hint';

const KEYS: (ShortcutEntry & { editor?: boolean })[] = [
  { keys: '← →', id: 'stages' },
  { keys: '↑ ↓', id: 'notes' },
  { keys: 'Enter', id: 'edit', editor: true },
  { keys: 'Ctrl + Enter', id: 'save', editor: true },
  { keys: 'N', id: 'add', editor: true },
  { keys: 'Delete', id: 'delete', editor: true },
  { keys: 'Ctrl + Z', id: 'undo', editor: true },
  { keys: 'Ctrl + Shift + Z', id: 'redo', editor: true },
  { keys: '+ / −', id: 'zoom' },
  { keys: 'Esc', id: 'escape' },
  { keys: '?', id: 'help' },
];

/**
 * What keyboard and screen-reader users get around the canvas: the hint the
 * canvas region points to (aria-describedby; shown while the region has
 * keyboard focus), the polite live region that says where the focus is, and
 * the list of keys opened with ?.
 */
export function BoardKeyboardAids({ focused, announcement, canEdit, showKeys, onCloseKeys }: {
  focused: boolean;
  announcement: string;
  canEdit: boolean;
  showKeys: boolean;
  onCloseKeys: () => void;
}) {
  const { t } = useTranslation();
  return (
    <>
      <p id={BOARD_KEYS_HINT_ID} className={focused ? 'board-keys-hint' : 'sr-only'} data-testid="board-keys-hint">
        {canEdit ? t('board.keys.hint') : t('board.keys.hintReadOnly')}
      </p>
      <div className="sr-only" role="status" aria-live="polite" data-testid="board-announcer">{announcement}</div>
      {showKeys && (
        <ShortcutList entries={KEYS.filter((k) => canEdit || !k.editor)} prefix="board.keys" className="board-help"
          testId="board-shortcuts" onClose={onCloseKeys} />
      )}
    </>
  );
}
