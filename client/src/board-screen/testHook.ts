import type { BoardSnapshot, Note } from '../../../shared/src/index.js';
import type { SharedView } from '../board-base/sharedView.js';
import type { Rect } from '../board-base/layout.js';

/**
 * A tiny read-only window for browser tests: Konva shapes are not DOM, so
 * tests find notes through the model and the geometry. Never used by the app.
 */
export interface TabellaTestHook {
  /** The board doc only (never our private drafts). */
  snapshot(): BoardSnapshot;
  /** Our private drafts (private writing). */
  drafts(): Note[];
  /** Our view as published to others: centre and normalised zoom. */
  view(): SharedView | undefined;
  /** World point -> page (client) coordinates. */
  worldToScreen(x: number, y: number): { x: number; y: number };
  /** A note's or stage's rectangle in page coordinates, if laid out. */
  noteRect(id: string): Rect | undefined;
  stageRect(id: string): Rect | undefined;
  /** Remote cursors as drawn on the canvas: label and board position. */
  cursors(): { name: string; x: number; y: number }[];
  /**
   * Every Konva text drawn now and at least partly on screen: what it shows
   * (its wrapped lines, ellipsis included), its font size on screen (font
   * size x absolute scale, in CSS pixels) and its box in page coordinates.
   */
  texts(): DrawnText[];
}

export interface DrawnText {
  text: string;
  px: number;
  rect: Rect;
}

declare global {
  interface Window {
    __tabella?: TabellaTestHook;
  }
}

export function installTestHook(hook: TabellaTestHook): () => void {
  window.__tabella = hook;
  return () => {
    if (window.__tabella === hook) delete window.__tabella;
  };
}
