import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { CLIENT_DIST, firstLoadSizes } from '../support/bundle-size.js';

/** Issue 13: the home and join pages load at most this much gzipped JavaScript before they can be used. */
const BUDGET_BYTES = 150 * 1024;

/** Libraries only the board needs: none of them may be in the first load. */
const BOARD_ONLY = ['konva', 'react-konva', 'yjs', 'y-websocket', 'y-indexeddb'];

/**
 * The built client (client/dist, `npm run build`; `npm test` builds first):
 * what a phone downloads for the home page and for a join link (`/b/<id>`,
 * the same entry) before it can be used. Measured from Vite's manifest and the
 * files themselves, so it does not depend on timing; the time from the join
 * click to a live board is bench scenario 7 (docs/performance.md).
 */
describe('first-load budget of the home and join pages', () => {
  const { page, board } = firstLoadSizes();

  it('index.html loads exactly the entry and its static imports (what is measured here)', () => {
    const html = readFileSync(`${CLIENT_DIST}/index.html`, 'utf8');
    const scripts = [...html.matchAll(/<(?:script[^>]*\bsrc|link[^>]*rel="modulepreload"[^>]*\bhref)="\/([^"]+\.js)"/g)].map((m) => m[1]);
    expect(new Set(scripts)).toEqual(new Set(page.files));
  });

  it(`is at most ${BUDGET_BYTES / 1024} KB of gzipped JavaScript, translations included`, () => {
    expect(page.gzipBytes).toBeGreaterThan(0);
    expect(page.gzipBytes).toBeLessThanOrEqual(BUDGET_BYTES);
    // The texts travel in the entry: the join form is translated before anything else loads.
    const code = page.files.map((f) => readFileSync(`${CLIENT_DIST}/${f}`, 'utf8')).join('\n');
    for (const language of ['en', 'it']) {
      const texts = JSON.parse(readFileSync(new URL(`../../client/src/i18n/${language}.json`, import.meta.url), 'utf8')) as { join: { submit: string } };
      expect(code).toContain(texts.join.submit);
    }
  });

  it('leaves the canvas library, Yjs and the board screen to the board chunk', () => {
    const inPage = (pkg: string) => page.sources.some((s) => s.includes(`/node_modules/${pkg}/`));
    expect(BOARD_ONLY.filter(inPage)).toEqual([]);
    expect(page.sources.some((s) => s.endsWith('board-screen/BoardScreen.tsx'))).toBe(false);
    // …and the board chunk does carry them (so the check above looks at the right names).
    expect(BOARD_ONLY.filter((pkg) => board.sources.some((s) => s.includes(`/node_modules/${pkg}/`)))).toEqual(BOARD_ONLY);
  });
});
