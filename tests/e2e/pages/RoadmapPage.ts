import { readFile } from 'node:fs/promises';
import type { Page } from 'playwright-core';
import { ConvergePage } from './ConvergePage.js';

export interface Downloaded {
  name: string;
  body: Buffer;
  /** The server's Content-Type, for files the server renders (exportFromServer). */
  contentType?: string;
}

/** The facilitator's texts in the roadmap view (client/src/roadmap/BookletText.tsx test ids `booklet-<which>`). */
export type BookletBlock = 'foreword' | 'executiveSummary' | 'segment' | 'stage';

/**
 * Page object for the roadmap side of the board screen: the Board / Roadmap /
 * Adoption views, the exports (all in the toolbar menu), the "After the workshop" panel (follow-up
 * links, commitments, versions) and the stage chips.
 */
export class RoadmapPage extends ConvergePage {
  constructor(page: Page) {
    super(page);
  }

  async showMode(mode: 'board' | 'roadmap' | 'adoption'): Promise<void> {
    await this.fromMenu(`mode-${mode}`);
    if (mode === 'roadmap') await this.page.getByTestId('roadmap-view').waitFor();
    if (mode === 'adoption') await this.page.getByTestId('adoption-view').waitFor();
  }

  roadmapItem(noteId: string) {
    return this.page.locator(`[data-testid="roadmap-item"][data-note-id="${noteId}"]`);
  }

  /** Clicks an entry of the Export menu and returns the file the browser downloaded. */
  async exportFile(entry: string): Promise<Downloaded> {
    if (!(await this.page.getByTestId('export-list').count())) await this.page.getByTestId('toolbar-menu').click();
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 30_000 }),
      this.page.getByTestId(entry).click(),
    ]);
    const path = await download.path();
    return { name: download.suggestedFilename(), body: await readFile(path) };
  }

  /** An export the server renders, from the Export menu: the file and the Content-Type it came with. */
  async exportFromServer(entry: string): Promise<Downloaded> {
    if (!(await this.page.getByTestId('export-list').count())) await this.page.getByTestId('toolbar-menu').click();
    const file = entry.replace(/^export-/, '');
    const [download, response] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 30_000 }),
      this.page.waitForResponse((r) => new URL(r.url()).pathname.endsWith(`/export/${file}`), { timeout: 30_000 }),
      this.page.getByTestId(entry).click(),
    ]);
    return {
      name: download.suggestedFilename(), body: await readFile(await download.path()), contentType: response.headers()['content-type'],
    };
  }

  /** The `index`-th text block of this kind in the roadmap view. */
  booklet(which: BookletBlock, index = 0) {
    return this.page.getByTestId(`booklet-${which}`).nth(index);
  }

  /** Writes a booklet text through its Edit (or "Add …") button and saves it; resolves once the prose shows it. */
  async writeBooklet(which: BookletBlock, text: string, index = 0): Promise<void> {
    const id = `booklet-${which}`;
    const block = this.booklet(which, index);
    await block.getByTestId(new RegExp(`^${id}-(add|edit)$`)).click();
    await block.getByTestId(`${id}-input`).fill(text);
    await block.getByTestId(`${id}-save`).click();
    await block.getByTestId(`${id}-text`).waitFor();
  }

  /** Opens the facilitator's "Client brand" panel on the roadmap's cover. */
  async openBrand(): Promise<void> {
    const panel = this.page.getByTestId('brand-panel');
    if ((await panel.getAttribute('open')) === null) await this.page.getByTestId('brand-open').click();
    await this.page.getByTestId('brand-company').waitFor();
  }

  /** Sets the company name and the accent colour (typed as a code) in the brand panel. */
  async setBrand(brand: { company?: string; accent?: string }): Promise<void> {
    await this.openBrand();
    if (brand.company !== undefined) {
      await this.page.getByTestId('brand-company').fill(brand.company);
      await this.page.getByTestId('brand-company').press('Enter');
    }
    if (brand.accent !== undefined) {
      await this.page.getByTestId('brand-accent').fill(brand.accent);
      await this.page.getByTestId('brand-accent').press('Enter');
    }
  }

  /** Any download started by a click on `testId`. */
  async downloadFrom(testId: string): Promise<Downloaded> {
    const [download] = await Promise.all([
      this.page.waitForEvent('download', { timeout: 30_000 }),
      this.page.getByTestId(testId).first().click(),
    ]);
    return { name: download.suggestedFilename(), body: await readFile(await download.path()) };
  }

  async openAfterPanel(): Promise<void> {
    if (await this.page.getByTestId('after-panel').count()) return;
    await this.fromMenu('toolbar-after');
    await this.page.getByTestId('after-panel').waitFor();
  }

  async followUpLink(kind: 'commitment' | 'feedback'): Promise<string> {
    await this.openAfterPanel();
    const field = this.page.getByTestId(`followup-${kind}-link`);
    if (!(await field.count())) await this.page.getByTestId(`followup-${kind}-create`).click();
    await field.waitFor();
    return field.inputValue();
  }

  stageBadge(stageId: string) {
    return this.page.locator(`[data-testid="stage-badge"][data-stage-id="${stageId}"]`);
  }

  /** Decodes a PNG in the page: its natural size (0 x 0 when the browser cannot decode it). */
  async pngSize(body: Buffer): Promise<{ width: number; height: number }> {
    return this.page.evaluate(async (b64) => {
      const bytes = Uint8Array.from(atob(b64), (c) => c.charCodeAt(0));
      try {
        const bitmap = await createImageBitmap(new Blob([bytes], { type: 'image/png' }));
        return { width: bitmap.width, height: bitmap.height };
      } catch {
        return { width: 0, height: 0 };
      }
    }, body.toString('base64'));
  }
}
