import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  localOrigin, votesLeft, type BoardSnapshot, type Role,
} from '../../../shared/src/index.js';
import { useToasts } from '../ui/Toasts.js';
import { errorText } from '../i18n/errorText.js';
import { refusalText } from '../i18n/refusalText.js';
import type { Identity } from '../join/identity.js';
import { StructurePanel } from '../panels/StructurePanel.js';
import { ParticipantsPanel } from '../presence/ParticipantsPanel.js';
import { fallbackColor, useLocalPresence } from '../presence/usePresence.js';
import { FollowPill } from '../presence/FollowPill.js';
import { useDrafts } from '../drafts/useDrafts.js';
import { useSaveStatus } from '../sync/useSaveStatus.js';
import { mergeDrafts } from '../drafts/mergeDrafts.js';
import { PhaseBar } from '../session/PhaseBar.js';
import { serverNow, useClockOffset } from '../session/useServerClock.js';
import { useMemberActions } from '../presence/useMemberActions.js';
import { useBoardView } from './useBoardView.js';
import { useNoteCommands } from '../board-base/useNoteCommands.js';
import { BoardCanvas } from './BoardCanvas.js';
import { BoardContext, type BoardActions } from '../board-base/BoardContext.js';
import { BoardMenu } from './BoardMenu.js';
import { JoinScreen } from '../join-screen/JoinScreen.js';
import { layoutBoard } from '../board-base/layout.js';
import { NoteEditing } from './NoteEditing.js';
import { Toolbar } from './Toolbar.js';
import type { BoardConnection, ConnectionStatus } from '../sync/useBoardSync.js';
import { useBoardRights } from '../board-base/useBoardRights.js';
import { useBoardShortcuts } from './useBoardShortcuts.js';
import { useBoardKeyboard } from './useBoardKeyboard.js';
import { BOARD_KEYS_HINT_ID, BoardKeyboardAids } from './BoardKeyboardAids.js';
import { useBoardTestHook } from './useBoardTestHook.js';
import { useLatest } from '../board-base/useLatest.js';
import { useNoteHandlers } from './useNoteHandlers.js';
import { useNotePlacement } from './useNotePlacement.js';
import { usePanels } from './usePanels.js';
import { useSelection } from '../board-base/useSelection.js';
import { useBringEveryone } from './useBringEveryone.js';
import { useMenuViews } from './useMenuViews.js';
import { useUndo } from '../board-base/useUndo.js';
import { ConvergeContext } from '../board-base/ConvergeContext.js';
import { ConvergeLayer } from './ConvergeLayer.js';
import { useConvergeScreen } from './useConvergeScreen.js';
import { PhoneModeSwitch } from '../phone/PhoneView.js';
import { VotingPanel } from '../voting/VotingPanel.js';
import { useRoadmapScreen } from './useRoadmapScreen.js';
import { RoadmapLayer } from './RoadmapLayer.js';
import { LinksPanel } from '../links/LinksPanel.js';
import { DuplicatesLayer } from './DuplicatesLayer.js';
import { ResultsPanel } from '../results/ResultsPanel.js';
import { DiscussOverlay } from '../discuss/DiscussOverlay.js';
import { PresentationBar } from './PresentationBar.js';
import { useFollowPresenter, usePresentation } from './usePresentation.js';
import { Minimap, minimapWanted } from './Minimap.js';

/**
 * The board screen: toolbar, phase bar, canvas and what floats over it. It
 * wires together hooks that each own one concern (files named after them):
 * rights (useBoardRights), selection and editing (useSelection), where new
 * notes go (useNotePlacement), what notes do on the canvas (useNoteHandlers),
 * side panels (usePanels), keys (useBoardShortcuts), bringing everyone to a
 * place (useBringEveryone), the toolbar menu (BoardMenu) and the test hook.
 * Two snapshots exist: `boardSnapshot` is the shared doc only (what others
 * see: votes, members, exports); `snapshot` adds our private drafts and is
 * what this person's canvas draws.
 */
export interface BoardScreenProps {
  boardId: string;
  role: Role;
  /** Personal session token (API calls) or the viewer link token. */
  session: string;
  identity: Identity;
  connection: BoardConnection;
  snapshot: BoardSnapshot;
  status: ConnectionStatus;
  synced: boolean;
  onChangeIdentity: () => void;
}

export function BoardScreen({ boardId, role, session, identity, connection, snapshot: boardSnapshot, status, synced, onChangeIdentity }: BoardScreenProps) {
  const { t } = useTranslation();
  const toasts = useToasts();
  const { doc, provider } = connection;
  const origin = useMemo(() => localOrigin(identity.id), [identity.id]);
  const sessionState = boardSnapshot.session;
  const { canStructure, canEdit, canEditNote, blockedReason, drafting } = useBoardRights(role, sessionState, identity.id);
  const onRefused = useCallback((reason: string) => toasts.show(refusalText(t, reason), 'error'), [toasts, t]);
  const drafts = useDrafts(boardId, session, drafting, onRefused, identity.id);
  const save = useSaveStatus(connection.saves, drafts.connection?.saves, status);
  const snapshot = useMemo(() => mergeDrafts(boardSnapshot, drafts.notes), [boardSnapshot, drafts.notes]);
  const draftIds = useMemo(() => new Set(drafts.notes.map((n) => n.id)), [drafts.notes]);
  const layout = useMemo(() => layoutBoard(snapshot), [snapshot]);
  const clockOffset = useClockOffset();
  const nowOnServer = useCallback(() => serverNow(clockOffset), [clockOffset]);
  const dotsLeft = useMemo(() => votesLeft(boardSnapshot, identity.id), [boardSnapshot, identity.id]);
  // A participant put in a group follows that group's segment.
  const myGroup = role === 'participant' ? boardSnapshot.groups.get(identity.id) : undefined;
  const presentation = usePresentation();
  const presenting = presentation.on;
  const view = useBoardView({
    layout, synced, awareness: provider.awareness, myId: identity.id, spotlight: sessionState.spotlight,
    groupSegmentId: myGroup,
    // A projector (a viewer, or a presenting tab that follows the facilitator's own) would only echo a view.
    publish: role !== 'viewer' && !presenting,
    onBrought: (_s, place) => toasts.show(place ? t('spotlight.brought', { place: place.name }) : t('spotlight.broughtView')),
  });
  const { viewport, setViewport, fit, zoomStepBy } = view;
  useFollowPresenter(presenting, provider.awareness, { id: identity.id, facilitator: role === 'facilitator' },
    sessionState.spotlight?.by, view.followed, view.follow);
  // Stable callbacks read the current board through these (useLatest.ts).
  const snapshotRef = useLatest(snapshot);
  const layoutRef = useLatest(layout);
  const viewportRef = useLatest(viewport);
  const draftsRef = useLatest(drafts.notes);
  const sharedViewRef = useLatest(view.shared);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const selection = useSelection(layoutRef, view.showRect);
  const panels = usePanels(Boolean(sessionState.discussion));
  const [joinScreen, setJoinScreen] = useState(false);
  const identityName = role !== 'viewer' ? (boardSnapshot.membersById.get(identity.id)?.name ?? identity.name) : undefined;
  const closeJoinScreen = useCallback(() => setJoinScreen(false), []);
  const { undo, redo, canUndo, canRedo, endStep: endUndoStep } = useUndo(doc, origin);

  /** Every change goes through here: a refused one becomes a toast, never an exception. */
  const run = useCallback<BoardActions['run']>(
    (op) => {
      try {
        return op(doc, origin);
      } catch (err) {
        toasts.show(errorText(t, err), 'error');
        return undefined;
      }
    },
    [doc, origin, toasts, t],
  );
  const author = useMemo(
    () => ({ id: identity.id, name: identity.name || t('roles.viewer'), department: identity.department }),
    [identity, t],
  );
  // Stage sizes count shared notes only: a draft's place is decided when it is published.
  const boardCount = useCallback((stageId: string) => boardSnapshot.notesByStage.get(stageId)?.length ?? 0, [boardSnapshot]);
  const notes = useNoteCommands({
    run, draftsDoc: drafting ? drafts.connection?.doc : undefined, draftIds, author, boardCount,
  });
  const actions = useMemo<BoardActions>(
    () => ({ doc, origin, role, author, canEdit, canEditNote, canStructure, run, endUndoStep, notes }),
    [doc, origin, role, author, canEdit, canEditNote, canStructure, run, endUndoStep, notes],
  );
  const memberActions = useMemberActions(boardId, session, run, view.follow);

  const department = snapshot.departmentsByKey.get(identity.department);
  const setCursor = useLocalPresence(provider.awareness, {
    id: identity.id,
    name: author.name,
    department: department ? identity.department : '',
    color: department?.color ?? fallbackColor(identity.id),
    role,
  });

  useEffect(() => {
    document.title = `${snapshot.meta.title || 'Tabella'} · Tabella`;
  }, [snapshot.meta.title]);

  const spotlight = useBringEveryone(run, identity.id, clockOffset, layoutRef, view.showRect);
  const { startNewNote, addNoteHere, reveal } = useNotePlacement({
    layout, canEdit, selection, setViewport, viewportRef, sizeRef: view.sizeRef, pointerRef: pointer,
  });

  // Votes, owners, status, merge and the phone list (useConvergeScreen, ConvergeLayer; features in voting/, owners/, status/, merge/, phone/).
  const converge = useConvergeScreen({
    snapshot: boardSnapshot, role, myId: identity.id, run, layout,
    selectedNote: selection.selectedNoteId ? boardSnapshot.notesById.get(selection.selectedNoteId) : undefined,
    onSelectNote: selection.setSelectedNoteId,
  });
  // Roadmap, adoption, exports, commitments and versions (useRoadmapScreen, RoadmapLayer; features in roadmap/, followup/, exports/, versions/).
  const roadmapScreen = useRoadmapScreen({ role, snapshot: boardSnapshot, onJumpToNote: selection.jumpToNote });
  const menuViews = useMenuViews(roadmapScreen, converge, role === 'participant');
  const noteHandlers = useNoteHandlers({
    selection, snapshotRef, layoutRef, canEditNote, notes, converge: converge.handlers,
  });

  // A selected note removed by someone else (or by undo) is no longer selected.
  const selectedNote = selection.selectedNoteId ? snapshot.notesById.get(selection.selectedNoteId) : undefined;
  const editingNoteId = selection.editing && 'noteId' in selection.editing && snapshot.notesById.has(selection.editing.noteId)
    ? selection.editing.noteId : undefined;

  const [showKeys, setShowKeys] = useState(false);
  /** Where the focus was when the list of keys opened: it goes back there. */
  const keysReturn = useRef<HTMLElement | null>(null);
  useBoardShortcuts({
    role, canEdit: canEdit && !presenting, canEditNote, selectedNote, undo, redo, addNoteHere, zoomStepBy,
    removeNote: notes.remove,
    deselectNote: () => selection.setSelectedNoteId(undefined),
    clearSelection: selection.clearSelection,
    toggleKeys: () => {
      // The board's keys, over the board only (the table has its own list).
      if (roadmapScreen.mode !== 'board') return;
      if (!showKeys) keysReturn.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      setShowKeys(!showKeys);
    },
  });
  const keyboard = useBoardKeyboard({
    layout, snapshot, selection, canEdit, canEditNote, startNewNote, reveal, removeNote: notes.remove,
  });
  useBoardTestHook(connection, { drafts: draftsRef, view: sharedViewRef, viewport: viewportRef, layout: layoutRef });

  const { panel } = panels;
  return (
    <BoardContext.Provider value={actions}>
      <ConvergeContext.Provider value={converge.converge}>
      <div className={`board-screen${presenting ? ' presenting' : ''}`} data-testid="board" data-role={role}
        data-presenting={presenting || undefined}>
        {presenting ? (
          <PresentationBar boardId={boardId} token={session} session={sessionState} clockOffset={clockOffset} title={snapshot.meta.title} status={status}
            onExit={presentation.stop} />
        ) : <>
        <Toolbar
          boardId={boardId}
          title={snapshot.meta.title}
          identityName={identityName}
          status={status}
          save={role !== 'viewer' ? save : undefined}
          awareness={provider.awareness}
          scale={viewport.scale}
          canUndo={canUndo}
          canRedo={canRedo}
          onUndo={undo}
          onRedo={redo}
          onAddNote={() => addNoteHere(false)}
          onZoomIn={() => zoomStepBy(1)}
          onZoomOut={() => zoomStepBy(-1)}
          onFit={fit}
          onTogglePeople={() => panels.toggle('people')}
          onChangeIdentity={onChangeIdentity}
          extra={<>
            {/* List or canvas is a choice within the board view; elsewhere "← Board" is the way back. */}
            {converge.narrow && role === 'participant' && roadmapScreen.mode === 'board' && <PhoneModeSwitch list={converge.phoneList} onChange={converge.setPhoneList} />}
            <BoardMenu roadmap={roadmapScreen} views={menuViews} exportFrom={{ boardId, token: session, title: boardSnapshot.meta.title, layout }}
              facilitator={canStructure} panel={panel} boardId={boardId}
              votingOpen={sessionState.voting?.open === true} onTogglePanel={panels.toggle} onJoinScreen={() => setJoinScreen(true)}
              me={identityName ? { name: identityName, onChange: onChangeIdentity } : undefined}
              onPresent={() => {
                roadmapScreen.setMode('board');
                panels.close();
                presentation.start();
              }} />
          </>}
        />
        <PhaseBar session={sessionState} clockOffset={clockOffset} votesLeft={dotsLeft}
          votesCast={boardSnapshot.votesByNote.size > 0}
          draftCount={drafts.notes.length} blockedReason={blockedReason}
          group={boardSnapshot.segments.find((seg) => seg.id === myGroup)}
          onBringEveryone={() => view.shared && spotlight({ kind: 'viewport', x: view.shared.x, y: view.shared.y, scale: view.shared.scale })} />
        </>}
        <div className={`board-body${panel && !presenting ? ' with-panel' : ''}`}>
          <BoardCanvas
            layout={layout}
            departments={snapshot.departmentsByKey}
            awareness={provider.awareness}
            viewport={viewport}
            setViewport={setViewport}
            selectedNoteId={selectedNote?.id}
            selectedStageId={selection.selectedStageId}
            editingNoteId={editingNoteId}
            dropStageId={selection.dropStageId}
            canEdit={canEdit && !presenting}
            editing={selection.editing !== undefined}
            canEditNote={canEditNote}
            draftIds={draftIds}
            noteHandlers={noteHandlers}
            noteMarks={converge.marks}
            onSize={view.onSize}
            onPointer={(p) => {
              pointer.current = p;
              // A viewer is usually a projector: its pointer would only distract the room.
              if (role !== 'viewer') setCursor(p);
            }}
            onSelectStage={selection.selectStage}
            onAddNote={startNewNote}
            onZoomTo={view.showRect}
            byVotes={sessionState.voting?.open === false && boardSnapshot.votesByNote.size > 0}
            hostRef={keyboard.hostRef}
            keyboard={{
              label: t('board.canvasLabel'), hintId: BOARD_KEYS_HINT_ID, ringBox: keyboard.ringBox,
              onKeyDown: keyboard.onKeyDown, onFocus: keyboard.onFocus, onBlur: keyboard.onBlur,
            }}
          />
          {sessionState.discussion && presenting && (
            <DiscussOverlay snapshot={boardSnapshot} role="viewer" clockOffset={clockOffset} serverNow={nowOnServer} />
          )}
          {/* Presentation mode: the canvas only (and a running discussion), no editing chrome. */}
          {!presenting && <>
          <BoardKeyboardAids focused={keyboard.ringBox !== undefined} announcement={keyboard.announcement} canEdit={canEdit}
            showKeys={showKeys && roadmapScreen.mode === 'board'} onCloseKeys={() => {
              setShowKeys(false);
              (keysReturn.current ?? keyboard.hostRef.current)?.focus();
            }} />
          {minimapWanted(layout, viewport, view.size.width, view.size.height) && (
            <Minimap layout={layout} viewport={viewport} width={view.size.width} height={view.size.height}
              onCentre={(x, y) => setViewport((v) => ({
                ...v, x: view.size.width / 2 - x * v.scale, y: view.size.height / 2 - y * v.scale,
              }))} />
          )}
          {layout.stages.length === 0 && synced && (
            <div className="empty-board" data-testid="empty-board">
              <h2>{t('board.emptyTitle')}</h2>
              <p>{canStructure ? t('board.emptyFacilitator') : t('board.emptyParticipant')}</p>
              {canStructure && (
                <button type="button" className="primary" onClick={() => panels.open('structure')}>{t('structure.open')}</button>
              )}
            </div>
          )}
          <NoteEditing snapshot={snapshot} layout={layout} viewport={viewport} selection={selection} notes={notes}
            onClosed={keyboard.editorClosed} />
          <ConvergeLayer screen={converge} snapshot={snapshot} layout={layout} synced={synced}
            listView={roadmapScreen.mode === 'list'} draftIds={draftIds} drafting={drafting}
            groupSegmentId={myGroup} blockedReason={blockedReason} />
          {panel === 'voting' && canStructure && <VotingPanel snapshot={boardSnapshot} onClose={panels.close} />}
          <DuplicatesLayer snapshot={boardSnapshot} facilitator={canStructure} open={panel === 'duplicates'}
            onToggle={() => panels.toggle('duplicates')} onClose={panels.close} run={run} layout={layout}
            showRect={view.showRect} />
          {/* Results (results/) for everyone; "Discuss next" (discuss/) over the board on every screen while it runs. */}
          {panel === 'results' && (
            <ResultsPanel snapshot={boardSnapshot} facilitator={canStructure} serverNow={nowOnServer}
              onShowNote={selection.jumpToNote} onClose={panels.close} />
          )}
          {sessionState.discussion && (
            <DiscussOverlay snapshot={boardSnapshot} role={role} clockOffset={clockOffset} serverNow={nowOnServer} />
          )}
          <RoadmapLayer screen={roadmapScreen} boardId={boardId} token={session} role={role} snapshot={boardSnapshot}
            layout={layout} viewport={viewport} />
          {view.followed && <FollowPill name={view.followed.name} onStop={view.stopFollow} />}
          {panel === 'people' && (
            <ParticipantsPanel awareness={provider.awareness} snapshot={boardSnapshot} myId={identity.id}
              facilitator={canStructure} actions={memberActions} onClose={panels.close} />
          )}
          {panel === 'links' && canStructure && <LinksPanel boardId={boardId} session={session} onClose={panels.close} />}
          {joinScreen && canStructure && (
            <JoinScreen boardId={boardId} session={session} title={boardSnapshot.meta.title} onClose={closeJoinScreen} />
          )}
          {panel === 'structure' && canStructure && (
            <StructurePanel snapshot={boardSnapshot} onSpotlight={spotlight} onClose={panels.close} />
          )}
          {canEdit && !selection.editing && (
            <button type="button" className="fab" onClick={() => addNoteHere(false)} data-testid="fab-add-note">
              + {t('toolbar.note')}
            </button>
          )}
          </>}
        </div>
      </div>
      </ConvergeContext.Provider>
    </BoardContext.Provider>
  );
}
