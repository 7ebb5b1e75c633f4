import type { BoardSnapshot } from '../../../shared/src/index.js';
import { MergeBar } from '../merge/MergeBar.js';
import { MergeDialog } from '../merge/MergeDialog.js';
import { PhoneView } from '../phone/PhoneView.js';
import { DotsLeft } from '../voting/DotsLeft.js';
import type { ConvergeScreen } from './useConvergeScreen.js';
import '../converge/converge.css';

/**
 * The converging overlays of the board body: our dots left, the merge bar and
 * dialog, and on a phone the list view over the canvas.
 */
export function ConvergeLayer({ screen, snapshot, draftIds, drafting, groupSegmentId, blockedReason }: {
  screen: ConvergeScreen;
  /** The board with our private drafts merged in (what the list shows). */
  snapshot: BoardSnapshot;
  draftIds: ReadonlySet<string>;
  drafting: boolean;
  groupSegmentId: string | undefined;
  blockedReason: string | undefined;
}) {
  const { merge, phoneList } = screen;
  return (
    <>
      {!phoneList && <DotsLeft className="floating" />}
      {merge.multiIds.size > 0 && (
        <MergeBar count={merge.multiIds.size} onClear={merge.clear} onMerge={() => merge.ask([...merge.multiIds])} />
      )}
      {merge.pending && <MergeDialog notes={merge.pending} onMerge={merge.confirm} onCancel={merge.cancel} />}
      {phoneList && (
        <PhoneView snapshot={snapshot} draftIds={draftIds} drafting={drafting} groupSegmentId={groupSegmentId}
          blockedReason={blockedReason} />
      )}
    </>
  );
}
