import type { Locator } from 'playwright-core';
import { BoardPage } from './BoardPage.js';

/** Page object for the notes table (client/src/table), reached from the toolbar menu. */
export class TablePage extends BoardPage {
  async openTable(): Promise<void> {
    await this.fromMenu('mode-table');
    await this.grid.waitFor();
  }

  get tableView(): Locator { return this.page.getByTestId('table-view'); }
  get grid(): Locator { return this.page.getByTestId('table-grid'); }
  get rows(): Locator { return this.page.getByTestId('table-row'); }

  row(noteId: string): Locator {
    return this.page.locator(`[data-testid="table-row"][data-note-id="${noteId}"]`);
  }

  /** Notes the filter shows (the counter, not the rendered rows: the list is virtualised). */
  async shownCount(): Promise<number> {
    return Number(await this.page.getByTestId('table-count').getAttribute('data-shown'));
  }

  async selectedCount(): Promise<number> {
    return Number(await this.page.getByTestId('table-selected-count').getAttribute('data-count'));
  }

  /** Note ids of the rendered rows, top to bottom. */
  async renderedIds(): Promise<string[]> {
    return this.page.$$eval('[data-testid="table-row"]', (rows) =>
      rows.map((r) => ({ id: r.getAttribute('data-note-id')!, y: r.getBoundingClientRect().top }))
        .sort((a, b) => a.y - b.y).map((r) => r.id));
  }

  /** The note id under the keyboard cursor (the grid's active descendant). */
  async cursorId(): Promise<string | undefined> {
    const active = await this.grid.getAttribute('aria-activedescendant');
    return active?.replace(/^tb-row-/, '');
  }

  async filter(name: string, value: string): Promise<void> {
    await this.page.getByTestId(`table-filter-${name}`).selectOption(value);
  }

  async searchClear(): Promise<void> {
    await this.page.getByTestId('table-search').fill('');
  }

  async search(text: string): Promise<void> {
    await this.page.getByTestId('table-search').fill(text);
  }

  /** Status and responsible of notes, from the model (test hook). */
  async decisions(ids: string[]): Promise<{ status: string; responsible: string }[]> {
    return this.page.evaluate((list) => list.map((id) => {
      const n = window.__tabella!.snapshot().notesById.get(id);
      return { status: n?.status ?? 'gone', responsible: n?.responsible ?? '' };
    }), ids);
  }
}
