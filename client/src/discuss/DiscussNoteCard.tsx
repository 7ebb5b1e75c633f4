import { useTranslation } from 'react-i18next';
import { kindKey } from '../board-base/noteStyle.js';
import type { DiscussionView } from './useDiscussionView.js';

/** The note under discussion, large enough to read from the back of the room: text, place, author, dots and rank. */
export function DiscussNoteCard({ view }: { view: DiscussionView }) {
  const { t } = useTranslation();
  const { note, ranked, votes } = view;
  if (!note) return null;
  return (
    <article className="discuss-note" style={{ borderTopColor: view.color }} data-testid="discuss-note" data-note-id={note.id}>
      <p className="discuss-place">{view.place} · {t(`kinds.${kindKey(note.kind)}`)}</p>
      <p className="discuss-text" data-testid="discuss-note-text">{note.text || '…'}</p>
      <div className="discuss-facts">
        <span className="discuss-votes" data-testid="discuss-votes" data-votes={votes ?? undefined}>
          {votes === null ? t('discuss.votesHidden') : t('discuss.votes', { count: votes })}
        </span>
        {votes !== null && ranked && (
          <span className="discuss-rank" data-testid="discuss-rank">
            {t('discuss.rank', { rank: ranked.rank })}{ranked.tied && <> · <b>{t('discuss.tied')}</b></>}
          </span>
        )}
        {note.authorName && <span className="discuss-author">{t('discuss.by', { name: note.authorName })}</span>}
      </div>
    </article>
  );
}
