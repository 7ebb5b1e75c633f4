import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import Konva from 'konva';
import {
  OperationError, localOrigin, type BoardSnapshot, type Note, type Role,
} from '../../../shared/src/index.js';
import { useToasts } from '../app/Toasts.js';
import type { Identity } from '../join/identity.js';
import { NoteEditor } from '../notes/NoteEditor.js';
import { NoteInspector } from '../notes/NoteInspector.js';
import type { NoteHandlers } from '../notes/NotesLayer.js';
import { StructurePanel } from '../panels/StructurePanel.js';
import { ParticipantsPanel } from '../presence/ParticipantsPanel.js';
import { fallbackColor, useLocalPresence } from '../presence/usePresence.js';
import { FollowPill } from '../presence/FollowPill.js';
import { CURSORS_SHAPE, type DrawnCursor } from '../presence/CursorsLayer.js';
import { useDrafts } from '../drafts/useDrafts.js';
import { useSaveStatus } from '../sync/useSaveStatus.js';
import { mergeDrafts } from '../drafts/mergeDrafts.js';
import { PhaseBar } from '../session/PhaseBar.js';
import { PHASE_ABILITIES, setSpotlight, type SpotlightTarget } from '../../../shared/src/index.js';
import { serverNow, useClockOffset } from '../session/useServerClock.js';
import { useMemberActions } from '../presence/useMemberActions.js';
import { useBoardView } from './useBoardView.js';
import { useNoteCommands } from './useNoteCommands.js';
import { BoardCanvas } from './BoardCanvas.js';
import { BoardContext, type BoardActions } from './BoardContext.js';
import { dropTarget, layoutBoard, stageAt, type Rect, type StageBox } from './layout.js';
import { installTestHook } from './testHook.js';
import { Toolbar } from './Toolbar.js';
import type { BoardConnection, ConnectionStatus } from './useBoardSync.js';
import { useShortcuts } from './useShortcuts.js';
import { useUndo } from './useUndo.js';
import { ConvergeContext } from '../converge/ConvergeContext.js';
import { ConvergeLayer } from '../converge/ConvergeLayer.js';
import { useConvergeScreen } from '../converge/useConvergeScreen.js';
import { PhoneModeSwitch } from '../phone/PhoneView.js';
import { VotingPanel, VotingToggle } from '../voting/VotingPanel.js';
import { useRoadmapScreen } from '../roadmap/useRoadmapScreen.js';
import { screenToWorld, worldToScreen, type Viewport } from './useViewport.js';

/** A world rectangle in page coordinates (for the test hook). */
function toScreenRect(v: Viewport, r: Rect | undefined): Rect | undefined {
  if (!r) return undefined;
  const host = document.querySelector('[data-testid="board-canvas"]')?.getBoundingClientRect();
  const p = worldToScreen(v, r.x, r.y);
  return { x: p.x + (host?.left ?? 0), y: p.y + (host?.top ?? 0), w: r.w * v.scale, h: r.h * v.scale };
}

type Editing = { noteId: string } | { stageId: string };

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
  const abilities = PHASE_ABILITIES[sessionState.phase];
  const canStructure = role === 'facilitator';
  const canEdit = canStructure || (role === 'participant' && abilities.writeNotes);
  // Participants may change only their own notes (the server refuses the rest).
  const canEditNote = useCallback(
    (note: Note) => canStructure || (canEdit && note.authorId === identity.id),
    [canStructure, canEdit, identity.id],
  );
  const blockedReason = role === 'participant' && !abilities.writeNotes ? t('phases.writingClosed') : undefined;
  // Participants' new notes are private drafts while private writing is on.
  const drafting = role === 'participant' && sessionState.privateWriting;
  const onRefused = useCallback((reason: string) => toasts.show(reason || t('session.refused'), 'error'), [toasts, t]);
  const drafts = useDrafts(boardId, session, drafting, onRefused, identity.id);
  const save = useSaveStatus(connection.saves, drafts.connection?.saves, status);
  const snapshot = useMemo(() => mergeDrafts(boardSnapshot, drafts.notes), [boardSnapshot, drafts.notes]);
  const draftIds = useMemo(() => new Set(drafts.notes.map((n) => n.id)), [drafts.notes]);
  const layout = useMemo(() => layoutBoard(snapshot), [snapshot]);
  const clockOffset = useClockOffset();
  const votesLeft = useMemo(() => {
    let spent = 0;
    for (const tally of boardSnapshot.votesByNote.values()) spent += tally.byMember.get(identity.id) ?? 0;
    return Math.max(0, (sessionState.voting?.votesPerPerson ?? 0) - spent);
  }, [boardSnapshot.votesByNote, sessionState.voting, identity.id]);
  const myGroup = role === 'participant' ? boardSnapshot.groups.get(identity.id) : undefined;
  const view = useBoardView({
    layout, synced, awareness: provider.awareness, myId: identity.id, spotlight: sessionState.spotlight,
    groupSegmentId: myGroup, publish: role !== 'viewer',
  });
  const { viewport, setViewport, fit, zoomBy } = view;
  const size = view.sizeRef;
  const snapshotRef = useRef(snapshot);
  const layoutRef = useRef(layout);
  useEffect(() => {
    snapshotRef.current = snapshot;
    layoutRef.current = layout;
  }, [snapshot, layout]);
  const viewportRef = useRef(viewport);
  const pointer = useRef<{ x: number; y: number } | null>(null);
  const [selectedNoteId, setSelectedNoteId] = useState<string>();
  const [selectedStageId, setSelectedStageId] = useState<string>();
  const [editing, setEditing] = useState<Editing>();
  const [dropStageId, setDropStageId] = useState<string>();
  const [panel, setPanel] = useState<'people' | 'structure' | 'voting'>();
  const { undo, redo, canUndo, canRedo } = useUndo(doc, origin);

  const draftsRef = useRef(drafts.notes);
  const viewRef = useRef(view.shared);
  useEffect(() => {
    viewportRef.current = viewport;
    viewRef.current = view.shared;
    draftsRef.current = drafts.notes;
  }, [viewport, view.shared, drafts.notes]);

  const run = useCallback<BoardActions['run']>(
    (op) => {
      try {
        return op(doc, origin);
      } catch (err) {
        if (err instanceof OperationError) toasts.show(err.message, 'error');
        else toasts.show(t('errors.unexpected'), 'error');
        return undefined;
      }
    },
    [doc, origin, toasts, t],
  );
  const author = useMemo(
    () => ({ id: identity.id, name: identity.name || t('roles.viewer'), department: identity.department }),
    [identity, t],
  );
  const boardCount = useCallback((stageId: string) => boardSnapshot.notesByStage.get(stageId)?.length ?? 0, [boardSnapshot]);
  const notes = useNoteCommands({
    run, draftsDoc: drafting ? drafts.connection?.doc : undefined, draftIds, author, boardCount,
  });
  const actions = useMemo<BoardActions>(
    () => ({ doc, origin, role, author, canEdit, canEditNote, canStructure, run, notes }),
    [doc, origin, role, author, canEdit, canEditNote, canStructure, run, notes],
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

  /** Facilitator: everyone's view moves to a target (and ours, for segments and stages). */
  const spotlight = useCallback((target: SpotlightTarget) => {
    run((d, o) => setSpotlight(d, target, identity.id, serverNow(clockOffset), o));
    if (target.kind === 'segment') {
      const lane = layoutRef.current.lanes.find((l) => l.segment.id === target.id);
      if (lane) view.showRect(lane);
    } else if (target.kind === 'stage') {
      const stage = layoutRef.current.stagesById.get(target.id);
      if (stage) view.showRect(stage);
    }
  }, [run, identity.id, clockOffset, view]);

  /** Pans just enough for a world rectangle (and a phone's on-screen keyboard) to be visible. */
  const reveal = useCallback((r: { x: number; y: number; w: number; h: number }) => {
    setViewport((v) => {
      const p = worldToScreen(v, r.x, r.y);
      const w = r.w * Math.max(v.scale, 0.8);
      const h = r.h * Math.max(v.scale, 0.8) + 60;
      let { x, y } = v;
      if (p.x < 8) x += 8 - p.x;
      else if (p.x + w > size.current.width - 8) x -= Math.min(p.x - 8, p.x + w - size.current.width + 8);
      if (p.y < 8) y += 8 - p.y;
      else if (p.y + h > size.current.height - 8) y -= Math.min(p.y - 8, p.y + h - size.current.height + 8);
      return { ...v, x, y };
    });
  }, [setViewport, size]);

  const startNewNote = useCallback((stageId: string) => {
    const box = layout.stagesById.get(stageId);
    if (!canEdit || !box) return;
    setSelectedStageId(stageId);
    setSelectedNoteId(undefined);
    setEditing({ stageId });
    reveal(box.nextSlot);
  }, [canEdit, layout, reveal]);

  /** The stage for "+ note": selected, under the pointer, or the one nearest the screen centre. */
  const targetStage = useCallback((preferPointer: boolean): StageBox | undefined => {
    const p = pointer.current;
    if (preferPointer && p) {
      const under = stageAt(layout, p.x, p.y);
      if (under) return under;
    }
    const selected = selectedStageId && layout.stagesById.get(selectedStageId);
    if (selected) return selected;
    const c = screenToWorld(viewportRef.current, size.current.width / 2, size.current.height / 2);
    let best: StageBox | undefined;
    let bestD = Infinity;
    for (const s of layout.stages) {
      const dx = Math.max(s.x - c.x, 0, c.x - (s.x + s.w));
      const dy = Math.max(s.y - c.y, 0, c.y - (s.y + s.h));
      const d = Math.hypot(dx, dy);
      if (d < bestD) {
        bestD = d;
        best = s;
      }
    }
    return best;
  }, [layout, selectedStageId, size]);

  const addNoteHere = useCallback((preferPointer: boolean) => {
    const box = targetStage(preferPointer);
    if (box) startNewNote(box.stage.id);
    else toasts.show(t('board.noStages'), 'info');
  }, [targetStage, startNewNote, toasts, t]);


  // Votes, owners, status, merge and the phone list (client/src/converge/).
  const converge = useConvergeScreen({
    snapshot: boardSnapshot, role, myId: identity.id, run, layout,
    selectedNote: selectedNoteId ? boardSnapshot.notesById.get(selectedNoteId) : undefined, onSelectNote: setSelectedNoteId,
  });
  const convergeHandlers = converge.handlers;
  // Roadmap, adoption, exports, commitments and versions (client/src/roadmap/, followup/, exports/).
  const jumpToNote = useCallback((noteId: string) => {
    const box = layoutRef.current.notesById.get(noteId);
    if (box) view.showRect(box);
    setSelectedNoteId(noteId);
    setSelectedStageId(box?.stageId);
  }, [view]);
  const roadmapScreen = useRoadmapScreen({
    boardId, token: session, role, snapshot: boardSnapshot, layout, viewport, onJumpToNote: jumpToNote,
  });
  const noteHandlers = useMemo<NoteHandlers>(() => ({
    onSelect: (id, additive) => {
      if (convergeHandlers.select(id, additive)) return;
      setSelectedNoteId(id);
      setSelectedStageId(snapshotRef.current.notesById.get(id)?.stageId);
    },
    onEdit: (id) => {
      const note = snapshotRef.current.notesById.get(id);
      if (!note || !canEditNote(note)) return;
      setSelectedNoteId(id);
      setEditing({ noteId: id });
    },
    onDragMove: (id, cx, cy) => {
      if (convergeHandlers.dragMove(id, cx, cy)) setDropStageId(undefined);
      else setDropStageId(dropTarget(layoutRef.current, cx, cy, id)?.stageId);
    },
    onDrop: (id, cx, cy) => {
      setDropStageId(undefined);
      if (convergeHandlers.drop(id, cx, cy)) return;
      const target = dropTarget(layoutRef.current, cx, cy, id);
      if (target) {
        notes.move(id, target.stageId, target.index);
        setSelectedStageId(target.stageId);
      }
    },
    onVote: convergeHandlers.vote,
  }), [canEditNote, notes, convergeHandlers]);

  // A selected note removed by someone else (or by undo) is no longer selected.
  const selectedNote = selectedNoteId ? snapshot.notesById.get(selectedNoteId) : undefined;
  const editingNote = editing && 'noteId' in editing ? snapshot.notesById.get(editing.noteId) : undefined;
  const editingBox = editing && 'noteId' in editing ? layout.notesById.get(editing.noteId) : undefined;
  const draftStage = editing && 'stageId' in editing ? layout.stagesById.get(editing.stageId) : undefined;

  useShortcuts({
    undo: () => role !== 'viewer' && undo(),
    redo: () => role !== 'viewer' && redo(),
    addNote: () => canEdit && addNoteHere(true),
    deleteSelected: () => {
      if (selectedNote && canEditNote(selectedNote)) {
        notes.remove(selectedNote.id);
        setSelectedNoteId(undefined);
      }
    },
    escape: () => {
      setSelectedNoteId(undefined);
      setSelectedStageId(undefined);
    },
    zoomIn: () => zoomBy(1.2),
    zoomOut: () => zoomBy(1 / 1.2),
  });

  useEffect(() => installTestHook({
    snapshot: () => connection.reader.snapshot(),
    drafts: () => draftsRef.current,
    view: () => viewRef.current,
    worldToScreen: (x, y) => {
      const host = document.querySelector('[data-testid="board-canvas"]')?.getBoundingClientRect();
      const p = worldToScreen(viewportRef.current, x, y);
      return { x: p.x + (host?.left ?? 0), y: p.y + (host?.top ?? 0) };
    },
    noteRect: (id) => toScreenRect(viewportRef.current, layoutRef.current.notesById.get(id)),
    stageRect: (id) => toScreenRect(viewportRef.current, layoutRef.current.stagesById.get(id)),
    cursors: () =>
      ((Konva.stages[0]?.findOne(`.${CURSORS_SHAPE}`)?.getAttr('cursors') ?? []) as DrawnCursor[])
        .map(({ name, x, y }) => ({ name, x, y })),
  }), [connection]);

  return (
    <BoardContext.Provider value={actions}>
      <ConvergeContext.Provider value={converge.converge}>
      <div className="board-screen" data-testid="board" data-role={role}>
        <Toolbar
          boardId={boardId}
          title={snapshot.meta.title}
          identityName={role !== 'viewer' ? (boardSnapshot.membersById.get(identity.id)?.name ?? identity.name) : undefined}
          status={status}
          save={role !== 'viewer' ? save : undefined}
          awareness={provider.awareness}
          scale={viewport.scale}
          canUndo={canUndo}
          canRedo={canRedo}
          onUndo={undo}
          onRedo={redo}
          onAddNote={() => addNoteHere(false)}
          onZoomIn={() => zoomBy(1.2)}
          onZoomOut={() => zoomBy(1 / 1.2)}
          onFit={fit}
          onTogglePeople={() => setPanel((p) => (p === 'people' ? undefined : 'people'))}
          onToggleStructure={() => setPanel((p) => (p === 'structure' ? undefined : 'structure'))}
          onChangeIdentity={onChangeIdentity}
          extra={<>
            {roadmapScreen.toolbar}
            {canStructure && <VotingToggle open={sessionState.voting?.open === true}
              onClick={() => setPanel((p) => (p === 'voting' ? undefined : 'voting'))} />}
            {converge.narrow && role === 'participant' && <PhoneModeSwitch list={converge.phoneList} onChange={converge.setPhoneList} />}
          </>}
        />
        <PhaseBar session={sessionState} clockOffset={clockOffset} votesLeft={votesLeft}
          votesCast={boardSnapshot.votesByNote.size > 0}
          draftCount={drafts.notes.length} blockedReason={blockedReason}
          group={boardSnapshot.segments.find((seg) => seg.id === myGroup)}
          onBringEveryone={() => view.shared && spotlight({ kind: 'viewport', ...view.shared })} />
        <div className={`board-body${panel ? ' with-panel' : ''}`}>
          <BoardCanvas
            layout={layout}
            departments={snapshot.departmentsByKey}
            awareness={provider.awareness}
            viewport={viewport}
            setViewport={setViewport}
            selectedNoteId={selectedNote?.id}
            selectedStageId={selectedStageId}
            editingNoteId={editingNote?.id}
            dropStageId={dropStageId}
            canEdit={canEdit}
            editing={editing !== undefined}
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
            onSelectStage={(id) => {
              setSelectedStageId(id);
              setSelectedNoteId(undefined);
            }}
            onAddNote={startNewNote}
          />
          {layout.stages.length === 0 && synced && (
            <div className="empty-board" data-testid="empty-board">
              <h2>{t('board.emptyTitle')}</h2>
              <p>{canStructure ? t('board.emptyFacilitator') : t('board.emptyParticipant')}</p>
              {canStructure && (
                <button type="button" className="primary" onClick={() => setPanel('structure')}>{t('structure.open')}</button>
              )}
            </div>
          )}
          {editingNote && editingBox && (
            <NoteEditor
              key={editingNote.id}
              world={editingBox}
              viewport={viewport}
              initialText={editingNote.text}
              kind={editingNote.kind}
              onCommit={(text) => {
                setEditing(undefined);
                notes.update(editingNote.id, { text });
              }}
              onCancel={() => setEditing(undefined)}
            />
          )}
          {draftStage && (
            <NoteEditor
              key={`new-${draftStage.stage.id}`}
              world={draftStage.nextSlot}
              viewport={viewport}
              initialText=""
              kind="action"
              onCommit={(text) => {
                setEditing(undefined);
                if (!text.trim()) return;
                const id = notes.add(draftStage.stage.id, text);
                if (id) setSelectedNoteId(id);
              }}
              onCancel={() => setEditing(undefined)}
            />
          )}
          {selectedNote && !editing && (
            <NoteInspector
              note={selectedNote}
              departments={snapshot.departments}
              onEdit={() => setEditing({ noteId: selectedNote.id })}
              onClose={() => setSelectedNoteId(undefined)}
            />
          )}
          <ConvergeLayer screen={converge} snapshot={snapshot} draftIds={draftIds} drafting={drafting}
            groupSegmentId={myGroup} blockedReason={blockedReason} />
          {panel === 'voting' && canStructure && <VotingPanel snapshot={boardSnapshot} onClose={() => setPanel(undefined)} />}
          {roadmapScreen.body}
          {view.followed && <FollowPill name={view.followed.name} onStop={view.stopFollow} />}
          {panel === 'people' && (
            <ParticipantsPanel awareness={provider.awareness} snapshot={boardSnapshot} myId={identity.id}
              facilitator={canStructure} actions={memberActions} onClose={() => setPanel(undefined)} />
          )}
          {panel === 'structure' && canStructure && (
            <StructurePanel snapshot={boardSnapshot} onSpotlight={spotlight} onClose={() => setPanel(undefined)} />
          )}
          {canEdit && !editing && (
            <button type="button" className="fab" onClick={() => addNoteHere(false)} data-testid="fab-add-note">
              + {t('toolbar.note')}
            </button>
          )}
        </div>
      </div>
      </ConvergeContext.Provider>
    </BoardContext.Provider>
  );
}
