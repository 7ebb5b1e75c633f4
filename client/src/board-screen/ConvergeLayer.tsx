import type { BoardSnapshot } from '../../../shared/src/index.js';
import { useBoard } from '../board-base/BoardContext.js';
import type { BoardLayout } from '../board-base/layout.js';
import { ChangeAnnouncer } from '../phone/ChangeAnnouncer.js';
import { MergeBar } from '../merge/MergeBar.js';
import { MergeDialog } from '../merge/MergeDialog.js';
import { PhoneView } from '../phone/PhoneView.js';
import { DotsLeft } from '../voting/DotsLeft.js';
import type { ConvergeScreen } from './useConvergeScreen.js';
import '../converge/converge.css';

/**
 * The converging overlays of the board body: our dots left, the merge bar and
 * dialog, and the list over the canvas (a participant's phone, or the menu's
 * List view at any width) with its polite announcements of others' changes.
 */
export function ConvergeLayer({ screen, snapshot, layout, synced, listView, draftIds, drafting, groupSegmentId, blockedReason }: {
  screen: ConvergeScreen;
  /** The board with our private drafts merged in (what the list shows). */
  snapshot: BoardSnapshot;
  layout: BoardLayout;
  synced: boolean;
  /** The List view is chosen in the menu. */
  listView: boolean;
  draftIds: ReadonlySet<string>;
  drafting: boolean;
  groupSegmentId: string | undefined;
  blockedReason: string | undefined;
}) {
  const { merge, converge } = screen;
  const { doc } = useBoard();
  const list = screen.phoneList || listView;
  return (
    <>
      {!list && <DotsLeft className="floating" />}
      {merge.multiIds.size > 0 && (
        <MergeBar count={merge.multiIds.size} onClear={merge.clear} onMerge={() => merge.ask([...merge.multiIds])} />
      )}
      {merge.pending && <MergeDialog notes={merge.pending} onMerge={merge.confirm} onCancel={merge.cancel} />}
      {list && (
        <>
          <PhoneView snapshot={snapshot} layout={layout} synced={synced} draftIds={draftIds} drafting={drafting}
            groupSegmentId={groupSegmentId} blockedReason={blockedReason} wide={listView} />
          <ChangeAnnouncer doc={doc} snapshot={converge.snapshot} myId={converge.myId} />
        </>
      )}
    </>
  );
}
