import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';
import { BoardPage } from './BoardPage.js';

/** Page object for the facilitator's duplicate suggestions (toggle, panel, pair actions). */
export class DuplicatesPage extends BoardPage {
  constructor(page: Page) {
    super(page);
  }

  get toggle() {
    return this.page.getByTestId('duplicates-toggle');
  }

  get panel() {
    return this.page.getByTestId('duplicates-panel');
  }

  async openPanel(): Promise<void> {
    if (await this.panel.count()) return;
    await this.toggle.click();
    await this.panel.waitFor();
  }

  /** The pair keys listed, strongest first. */
  async pairKeys(): Promise<string[]> {
    return this.page.getByTestId('duplicate-pair').evaluateAll((els) => els.map((e) => e.getAttribute('data-key') ?? ''));
  }

  pair(key: string) {
    return this.page.locator(`[data-testid="duplicate-pair"][data-key="${key}"]`);
  }

  async merge(key: string): Promise<void> {
    await this.pair(key).getByTestId('duplicate-merge').click();
  }

  async dismiss(key: string): Promise<void> {
    await this.pair(key).getByTestId('duplicate-dismiss').click();
  }

  /** axe-core's serious and critical violations inside the panel. */
  async seriousA11yViolations(): Promise<{ id: string; impact: string; nodes: string[] }[]> {
    const result = await new AxeBuilder({ page: this.page }).include('[data-testid="duplicates-panel"]').analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact!, nodes: v.nodes.map((n) => n.html) }));
  }

  /** Text and merged texts of a note, from the board doc (test hook). */
  async note(id: string): Promise<{ text: string; merged: string[] } | undefined> {
    return this.page.evaluate((noteId) => {
      const n = window.__tabella!.snapshot().notesById.get(noteId);
      return n && { text: n.text, merged: n.merged.map((m) => m.text) };
    }, id);
  }

  async dismissed(): Promise<string[]> {
    return this.page.evaluate(() => window.__tabella!.snapshot().session.dismissedDuplicates);
  }
}
