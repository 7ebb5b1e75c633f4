import type { Page } from 'playwright-core';
import { BoardPage } from './BoardPage.js';

/** A note's converging state as the board doc holds it (read through the test hook). */
export interface NoteState {
  id: string;
  text: string;
  stageId: string;
  status: string;
  responsible: string;
  supporting: string[];
  merged: string[];
  dots: number;
}

/**
 * Page object for the converging tools: dots, owners, status, merge, and the
 * phone list. Builds on BoardPage (join, notes, stages).
 */
export class ConvergePage extends BoardPage {
  constructor(page: Page) {
    super(page);
  }

  async note(id: string): Promise<NoteState | undefined> {
    return this.page.evaluate((noteId) => {
      const s = window.__tabella!.snapshot();
      const n = s.notesById.get(noteId);
      return n && {
        id: n.id, text: n.text, stageId: n.stageId, status: n.status, responsible: n.responsible,
        supporting: n.supporting, merged: n.merged.map((m) => m.text), dots: s.votesByNote.get(n.id)?.total ?? 0,
      };
    }, id);
  }

  /** Note ids of a stage in the order they are shown. */
  async stageOrder(stageId: string): Promise<string[]> {
    return this.page.evaluate((id) => (window.__tabella!.snapshot().notesByStage.get(id) ?? []).map((n) => n.id), stageId);
  }

  async rectOf(noteId: string) {
    const r = await this.page.evaluate((id) => window.__tabella!.noteRect(id), noteId);
    if (!r) throw new Error(`note ${noteId} is not laid out`);
    return r;
  }

  /** Zooms the canvas around a stage so its notes are big enough to read and click. */
  async zoomToStage(stageId: string): Promise<void> {
    await this.page.getByTestId('toolbar-fit').click();
    const r = await this.page.evaluate((id) => window.__tabella!.stageRect(id), stageId);
    if (!r) throw new Error(`stage ${stageId} is not laid out`);
    await this.page.mouse.move(r.x + r.w / 2, r.y + r.h / 3);
    await this.page.keyboard.down('Control');
    await this.page.mouse.wheel(0, -60);
    await this.page.keyboard.up('Control');
    await this.page.mouse.move(5, 5);
  }

  /** Clicks a note (Shift-click with `additive`) and, unless additive, waits for its inspector. */
  async selectNote(id: string, additive = false): Promise<void> {
    const r = await this.rectOf(id);
    // Upper part of the text: clear of the dot and owner rows at the bottom.
    const point = { x: r.x + r.w * 0.35, y: r.y + r.h * 0.4 };
    if (additive) await this.page.keyboard.down('Shift');
    await this.page.mouse.click(point.x, point.y);
    if (additive) {
      await this.page.keyboard.up('Shift');
      return;
    }
    await this.page.locator(`[data-testid="note-inspector"][data-note-id="${id}"]`).waitFor();
  }

  async dotsLeft(): Promise<number> {
    return Number(await this.page.getByTestId('dots-left').first().getAttribute('data-left'));
  }

  /** Drags a note by the mouse and drops it on the middle of another note. */
  async dragNoteOnto(noteId: string, targetId: string): Promise<void> {
    const from = await this.rectOf(noteId);
    const to = await this.rectOf(targetId);
    const sx = from.x + from.w * 0.35;
    const sy = from.y + from.h * 0.4;
    const tx = to.x + to.w * 0.35;
    const ty = to.y + to.h * 0.4;
    await this.page.mouse.move(sx, sy);
    await this.page.mouse.down();
    for (let i = 1; i <= 12; i++) await this.page.mouse.move(sx + ((tx - sx) * i) / 12, sy + ((ty - sy) * i) / 12);
    await this.page.mouse.up();
  }

  async openVotingPanel(): Promise<void> {
    if (await this.page.getByTestId('voting-panel').count()) return;
    await this.fromMenu('toolbar-voting');
    await this.page.getByTestId('voting-panel').waitFor();
  }
}
