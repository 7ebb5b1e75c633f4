import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { setTitle, TITLE_MAX } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';

/** The board title; facilitators click it to rename the board. */
export function TitleEditor({ title }: { title: string }) {
  const { t } = useTranslation();
  const { canStructure, run } = useBoard();
  const [draft, setDraft] = useState<string>();
  if (!canStructure) return <h1 className="board-title" data-testid="board-title">{title}</h1>;
  if (draft === undefined) {
    return (
      <button type="button" className="board-title editable" data-testid="board-title" title={t('structure.renameBoard')}
        onClick={() => setDraft(title)}>
        {title}
      </button>
    );
  }
  const commit = () => {
    if (draft.trim() && draft.trim() !== title) run((d, o) => setTitle(d, draft, o));
    setDraft(undefined);
  };
  return (
    <input className="board-title-input" data-testid="board-title-input" value={draft} maxLength={TITLE_MAX} autoFocus
      onChange={(e) => setDraft(e.target.value)} onBlur={commit}
      onKeyDown={(e) => {
        if (e.key === 'Enter') commit();
        if (e.key === 'Escape') setDraft(undefined);
      }} />
  );
}
