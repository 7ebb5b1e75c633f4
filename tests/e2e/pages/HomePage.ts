import type { Page } from 'playwright-core';
import { BoardPage } from './BoardPage.js';

export interface WorkshopLinks {
  facilitator: string;
  participant: string;
  viewer: string;
}

/** Page object for `/`: create a workshop and read its three links. */
export class HomePage {
  constructor(readonly page: Page) {}

  async open(baseUrl: string): Promise<void> {
    await this.page.goto(baseUrl);
    await this.page.getByTestId('create-form').waitFor();
  }

  async createWorkshop(title: string, template: 'vision-workshop' | 'blank' = 'vision-workshop', language: 'en' | 'it' = 'en'): Promise<WorkshopLinks> {
    await this.page.getByTestId('create-title').fill(title);
    await this.page.locator('label', { has: this.page.getByTestId(`create-template-${template}`) }).click();
    await this.page.getByTestId('create-language').selectOption(language);
    await this.page.getByTestId('create-submit').click();
    await this.page.getByTestId('links').waitFor();
    return {
      facilitator: await this.page.getByTestId('link-facilitator').inputValue(),
      participant: await this.page.getByTestId('link-participant').inputValue(),
      viewer: await this.page.getByTestId('link-viewer').inputValue(),
    };
  }

  /**
   * A new board starts in setup, where participants cannot write yet. For tests
   * about what comes after: the creator opens the facilitator link on this
   * page, starts the brainstorm, and leaves the board (so they are not online).
   */
  async startBrainstorm(links: WorkshopLinks, name = 'Fabio Facilitatore'): Promise<void> {
    const board = new BoardPage(this.page);
    await board.open(links.facilitator);
    await board.join(name, 'management');
    await board.startBrainstorm();
    // Leave only once the server stored the new phase.
    await this.page.waitForFunction(() =>
      document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state') === 'saved', undefined, { timeout: 15_000 });
    await this.page.goto('about:blank');
  }
}
