import { afterAll, beforeAll } from 'vitest';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchBrowser } from './browser.js';
import { startServer, type RunningServer } from './server.js';

export const LAPTOP = { width: 1440, height: 900 };
export const PHONE = { width: 390, height: 844 };

export interface BrowserSession {
  /** The running server (available inside tests, after beforeAll). */
  readonly server: RunningServer;
  /**
   * A page in a fresh browser context: one person on one device (`locale`: the
   * browser's language; `touch`: a phone or tablet, with touch and a mobile viewport).
   */
  newPage(viewport?: { width: number; height: number }, options?: { locale?: string; touch?: boolean }): Promise<Page>;
}

/**
 * One real server and one Chromium for a describe block, started before its
 * tests and stopped after them. Page errors are logged; with `acceptDialogs`,
 * confirmations are accepted (the test plays a decided facilitator).
 */
export function useBrowserSession(options: { acceptDialogs?: boolean; acceptDownloads?: boolean } = {}): BrowserSession {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    server = await startServer();
    browser = await launchBrowser();
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
  });

  return {
    get server() {
      if (!server) throw new Error('the server starts in beforeAll');
      return server;
    },
    async newPage(viewport = LAPTOP, pageOptions = {}) {
      if (!browser) throw new Error('the browser starts in beforeAll');
      const context = await browser.newContext({
        viewport, acceptDownloads: options.acceptDownloads ?? false, locale: pageOptions.locale,
        hasTouch: pageOptions.touch ?? false, isMobile: pageOptions.touch ?? false,
      });
      contexts.push(context);
      const page = await context.newPage();
      page.on('pageerror', (err) => console.error('page error:', err.message));
      if (options.acceptDialogs) page.on('dialog', (d) => void d.accept());
      return page;
    },
  };
}
