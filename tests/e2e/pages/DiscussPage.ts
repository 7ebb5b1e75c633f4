import AxeBuilder from '@axe-core/playwright';
import { BoardPage } from './BoardPage.js';

/** One line of the Results list as shown. */
export interface ResultLine {
  id: string;
  rank: number | null;
  tied: boolean;
  votes: number | null;
}

/** The Results panel and the "Discuss next" overlay, as a person on one screen sees them. */
export class DiscussPage extends BoardPage {
  async openResults(): Promise<void> {
    if (await this.page.getByTestId('results-panel').count()) return;
    await this.fromMenu('toolbar-results');
    await this.page.getByTestId('results-panel').waitFor();
  }

  async results(): Promise<ResultLine[]> {
    return this.page.getByTestId('results-list').locator('li').evaluateAll((items) => items.map((li) => {
      const num = (name: string) => (li.getAttribute(name) === null ? null : Number(li.getAttribute(name)));
      return {
        id: li.getAttribute('data-testid')!.replace(/^result-/, ''),
        rank: num('data-rank'),
        tied: li.getAttribute('data-tied') === 'true',
        votes: num('data-votes'),
      };
    }));
  }

  overlay() {
    return this.page.getByTestId('discuss-overlay');
  }

  /** Id of the note the overlay shows ('' once the agenda is done). */
  async currentNoteId(): Promise<string | null> {
    if (!(await this.overlay().count())) return null;
    return this.overlay().getAttribute('data-note-id');
  }

  async progressText(): Promise<string | null> {
    return this.page.getByTestId('discuss-progress').textContent();
  }

  async tallyCount(department: string): Promise<number> {
    const line = this.page.getByTestId(`discuss-tally-${department}`);
    return (await line.count()) ? Number(await line.getAttribute('data-count')) : 0;
  }

  async proposers(department: string): Promise<string | null> {
    const names = this.page.getByTestId(`discuss-proposers-${department}`);
    return (await names.count()) ? names.textContent() : null;
  }

  /** Serious and critical axe violations inside the overlay (WCAG 2 A and AA rules). */
  async overlayViolations(): Promise<{ id: string; impact: string | null | undefined; nodes: number }[]> {
    const result = await new AxeBuilder({ page: this.page })
      .include('[data-testid="discuss-overlay"]')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    return result.violations
      .filter((v) => v.impact === 'serious' || v.impact === 'critical')
      .map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.length }));
  }
}
