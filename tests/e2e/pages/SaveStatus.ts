import type { Page } from 'playwright-core';

export type SaveState = 'saved' | 'saving' | 'offline' | 'storage';

/** The save indicator next to the connection indicator, and this device's copy of the board. */
export class SaveStatus {
  constructor(readonly page: Page) {}

  async state(): Promise<string | null> {
    const el = this.page.getByTestId('save-status');
    return (await el.count()) ? el.getAttribute('data-state') : null;
  }

  /** The full sentence (also what screen readers hear). */
  async label(): Promise<string | null> {
    return this.page.getByTestId('save-status').getAttribute('aria-label');
  }

  /** Every state the indicator showed since `record()`, in order, without repeats. */
  async history(): Promise<string[]> {
    return this.page.evaluate(() => (window as unknown as { __saveHistory?: string[] }).__saveHistory ?? []);
  }

  async record(): Promise<void> {
    await this.page.evaluate(() => {
      const w = window as unknown as { __saveHistory: string[] };
      w.__saveHistory = [];
      const push = () => {
        const s = document.querySelector('[data-testid="save-status"]')?.getAttribute('data-state');
        if (s && w.__saveHistory[w.__saveHistory.length - 1] !== s) w.__saveHistory.push(s);
      };
      push();
      new MutationObserver(push).observe(document.body, { subtree: true, childList: true, attributes: true, attributeFilter: ['data-state'] });
    });
  }

  /** The board id of the page's URL. */
  boardId(): string {
    return new URL(this.page.url()).pathname.split('/')[2]!;
  }

  /** Local edits this device still holds for the server, as kept in IndexedDB (undefined: nothing kept yet). */
  async keptEdits(): Promise<number | undefined> {
    return this.page.evaluate(async (name) => {
      // Opening a database that does not exist yet would create it empty, without the
      // app's stores, and break the app's own copy: look before opening.
      if (!(await indexedDB.databases()).some((db) => db.name === name)) return undefined;
      return new Promise<number | undefined>((resolve) => {
        const open = indexedDB.open(name);
        open.onerror = () => resolve(undefined);
        open.onsuccess = () => {
          const db = open.result;
          try {
            const get = db.transaction('custom', 'readonly').objectStore('custom').get('tabella:edits');
            get.onsuccess = () => {
              db.close();
              resolve(typeof get.result === 'string' ? (JSON.parse(get.result) as unknown[]).length : undefined);
            };
            get.onerror = () => resolve(undefined);
          } catch {
            db.close();
            resolve(undefined);
          }
        };
      });
    }, `tabella:${this.boardId()}`);
  }

  /** True once the service worker (offline reloads) is active. */
  async offlineReady(): Promise<boolean> {
    return this.page.evaluate(async () => {
      const reg = await navigator.serviceWorker.ready;
      return reg.active !== null;
    });
  }
}
