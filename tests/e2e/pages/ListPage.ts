import type { Locator } from 'playwright-core';
import { ConvergePage } from './ConvergePage.js';

/**
 * Page object for the board as a list: a participant's phone, or the menu's
 * List view at any width (client/src/phone). Notes are DOM here, so it finds
 * them by their text.
 */
export class ListPage extends ConvergePage {
  get list(): Locator {
    return this.page.getByTestId('phone-view');
  }

  card(text: string): Locator {
    return this.page.getByTestId('phone-note').filter({ hasText: text });
  }

  /** The stage the list shows (its selected stage tab). */
  async shownStageId(): Promise<string | null> {
    return this.page.locator('[data-testid="phone-stage"][aria-selected="true"]').getAttribute('data-stage-id');
  }

  async showStage(stageId: string): Promise<void> {
    await this.page.locator(`[data-testid="phone-stage"][data-stage-id="${stageId}"]`).click();
  }

  async write(text: string): Promise<void> {
    await this.page.getByTestId('phone-note-text').fill(text);
    await this.page.getByTestId('phone-add').click();
  }

  async edit(from: string, to: string): Promise<void> {
    // By id: while it is edited the card's text is in a text box, not its text content.
    const id = await this.card(from).getAttribute('data-note-id');
    const card = this.page.locator(`[data-testid="phone-note"][data-note-id="${id}"]`);
    await card.getByTestId('phone-edit').click();
    await card.getByTestId('phone-edit-text').fill(to);
    await card.getByTestId('phone-edit-save').click();
  }

  async remove(text: string): Promise<void> {
    const card = this.card(text);
    await card.getByTestId('phone-delete').click();
    await card.getByTestId('phone-delete-confirm').click();
  }

  /** Whether the element is inside the viewport (wholly) and is what a tap at its centre hits. */
  async reachable(target: Locator): Promise<boolean> {
    return target.evaluate((el) => {
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return false;
      // Layout works in fractions of a pixel (a scrolled-to item can end at 844.14 of 844): a part of a pixel is on screen.
      const edge = 0.5;
      if (r.left < -edge || r.top < -edge || r.right > window.innerWidth + edge || r.bottom > window.innerHeight + edge) return false;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
      return hit !== null && el.contains(hit);
    });
  }

  /**
   * Text elements in the list and the bars above it whose text is wider than
   * their box (cut or hidden by overflow), as "tag.class: text" for a readable failure.
   */
  async overflowingTexts(): Promise<string[]> {
    return this.page.evaluate(() => {
      const roots = ['[data-testid="phone-view"]', '[data-testid="toolbar"]', '[data-testid="phase-bar"]', '.toasts'];
      const found: string[] = [];
      for (const root of roots.flatMap((s) => [...document.querySelectorAll<HTMLElement>(s)])) {
        for (const el of [root, ...root.querySelectorAll<HTMLElement>('*')]) {
          const style = getComputedStyle(el);
          if (style.display === 'none' || style.visibility === 'hidden' || el.closest('.sr-only')) continue;
          // Only elements holding text of their own; scrollers (the stage tabs) scroll on purpose.
          // Every control (icon-only ones too) wholly on screen, unless it sits in a sideways scroller.
          const control = el.matches('button, select, a, [data-testid="connection"], [data-testid="save-status"]');
          const ownText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim());
          if ((!ownText && !control) || style.overflowX === 'auto' || style.overflowX === 'scroll') continue;
          if (ownText && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0) {
            found.push(`${el.tagName.toLowerCase()}.${el.className}: ${el.textContent!.trim().slice(0, 60)}`);
          }
          const r = el.getBoundingClientRect();
          let scroller = el.parentElement;
          while (scroller && !['auto', 'scroll'].includes(getComputedStyle(scroller).overflowX)) scroller = scroller.parentElement;
          if (!scroller && r.width > 0 && (r.right > window.innerWidth + 1 || r.left < -1)) {
            found.push(`${el.tagName.toLowerCase()}.${el.className} outside the screen: ${el.textContent!.trim().slice(0, 60)}`);
          }
        }
      }
      return found;
    });
  }

  /** Presses Tab until the element with this test id has the focus (at most `max` presses); false if it never does. */
  async tabTo(testId: string, max = 60): Promise<boolean> {
    for (let i = 0; i < max; i++) {
      await this.page.keyboard.press('Tab');
      const focused = await this.page.evaluate(() => document.activeElement?.getAttribute('data-testid'));
      if (focused === testId) return true;
    }
    return false;
  }

  async announced(): Promise<string> {
    return (await this.page.getByTestId('list-announcer').textContent()) ?? '';
  }
}
