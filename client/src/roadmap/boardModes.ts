/** Board, Roadmap, Adoption: three views of the same live board. */
export type BoardMode = 'board' | 'roadmap' | 'adoption';

/** The views in the toolbar menu's order, with their (decorative) icons. */
export const BOARD_MODES: { mode: BoardMode; icon: string }[] = [
  { mode: 'board', icon: '▦' },
  { mode: 'roadmap', icon: '☷' },
  { mode: 'adoption', icon: '◔' },
];
