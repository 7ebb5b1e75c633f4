import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type * as Y from 'yjs';
import { roots, type BoardSnapshot, type Note } from '../../../shared/src/index.js';
import { ChangeThrottle, diffNotes, type ChangeSummary } from './changeSummary.js';

/** At most one announcement per this many milliseconds. */
export const ANNOUNCE_INTERVAL_MS = 5000;

/**
 * The list view's polite live region: a short summary of other people's note
 * changes ("2 new notes in Quote fast and right"), throttled by ChangeThrottle.
 * Our own changes are never announced: notes our local transactions touched
 * since the last snapshot are left out (whatever else arrived meanwhile), and
 * notes we added are left out by diffNotes.
 */
export function ChangeAnnouncer({ doc, snapshot, myId }: { doc: Y.Doc; snapshot: BoardSnapshot; myId: string }) {
  const { t } = useTranslation();
  const [message, setMessage] = useState('');
  const ours = useRef(new Set<string>());
  const prev = useRef<ReadonlyMap<string, Note>>(snapshot.notesById);
  const throttle = useRef(new ChangeThrottle(ANNOUNCE_INTERVAL_MS));
  const timer = useRef<number>(undefined);
  // Sentences read the current stage names and language when they are released.
  const sentence = useRef((s: ChangeSummary) => s.kind as string);
  useEffect(() => {
    sentence.current = (s) => t(`announce.${s.kind}`, {
      count: s.count, stage: snapshot.stagesById.get(s.stageId)?.name ?? '', names: s.names.join(', '),
    });
  });

  useEffect(() => {
    const { notes } = roots(doc);
    // A note is its own map inside `notes`: a change to one of its fields changes that map, keyed in `notes` by the note id.
    const onTransaction = (tr: Y.Transaction) => {
      if (!tr.local) return;
      tr.changed.forEach((keys, type) => {
        const item = type._item;
        if ((type as unknown) === notes) keys.forEach((k) => k && ours.current.add(k));
        else if (item && (item.parent as unknown) === notes && typeof item.parentSub === 'string') ours.current.add(item.parentSub);
      });
    };
    doc.on('afterTransaction', onTransaction);
    return () => {
      doc.off('afterTransaction', onTransaction);
      window.clearTimeout(timer.current);
    };
  }, [doc]);

  useEffect(() => {
    const before = prev.current;
    prev.current = snapshot.notesById;
    if (before === snapshot.notesById) return;
    const changes = diffNotes(before, snapshot.notesById, myId).filter((c) => !ours.current.has(c.noteId));
    ours.current.clear();
    if (changes.length === 0) return;
    throttle.current.push(changes);
    const release = () => {
      const now = Date.now();
      const out = throttle.current.take(now);
      if (out) setMessage(out.map((s) => sentence.current(s)).join(' '));
      const wait = throttle.current.waitMs(now);
      timer.current = wait === undefined ? undefined : window.setTimeout(release, wait);
    };
    if (timer.current === undefined) release();
  }, [snapshot.notesById, myId]);

  return (
    <div className="sr-only" role="status" aria-live="polite" aria-atomic="true" data-testid="list-announcer">{message}</div>
  );
}
