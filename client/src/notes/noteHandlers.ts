/** What a note on the canvas does when clicked, dragged or voted on (NotesLayer calls these). */
export interface NoteHandlers {
  /** `additive`: Shift/Ctrl/Cmd-click, to select several notes. */
  onSelect: (id: string, additive?: boolean) => void;
  onEdit: (id: string) => void;
  onDragMove: (id: string, cx: number, cy: number) => void;
  onDrop: (id: string, cx: number, cy: number) => void;
  /** Spend (+1) or take back (−1) one of our dots. */
  onVote?: (id: string, delta: 1 | -1) => void;
}
