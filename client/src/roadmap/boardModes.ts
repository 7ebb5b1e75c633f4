/**
 * Board, List, Table, Roadmap, Adoption: views of the same live board. The
 * List is the phone list at any width, the accessible alternative to the canvas.
 */
export type BoardMode = 'board' | 'list' | 'table' | 'roadmap' | 'adoption';

/** The views in the toolbar menu's order, with their (decorative) icons. */
export const BOARD_MODES: { mode: BoardMode; icon: string }[] = [
  { mode: 'board', icon: '▦' },
  { mode: 'list', icon: '≡' },
  { mode: 'table', icon: '▤' },
  { mode: 'roadmap', icon: '☷' },
  { mode: 'adoption', icon: '◔' },
];
