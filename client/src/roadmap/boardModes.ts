/** Board, Table, Roadmap, Adoption: four views of the same live board. */
export type BoardMode = 'board' | 'table' | 'roadmap' | 'adoption';

/** The views in the toolbar menu's order, with their (decorative) icons. */
export const BOARD_MODES: { mode: BoardMode; icon: string }[] = [
  { mode: 'board', icon: '▦' },
  { mode: 'table', icon: '▤' },
  { mode: 'roadmap', icon: '☷' },
  { mode: 'adoption', icon: '◔' },
];
