import { createHash, createPublicKey } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { launchBrowser } from './support/browser.js';
import { startServer, type RunningServer } from './support/server.js';
import { HomePage, type WorkshopLinks } from './pages/HomePage.js';
import { BoardPage } from './pages/BoardPage.js';
import { SaveStatus } from './pages/SaveStatus.js';

const POLL = { timeout: 20_000, interval: 100 };

/**
 * The address participants open. Not localhost: browsers treat localhost and
 * 127.0.0.0/8 as secure even over plain http, which would hide the very
 * problem (a LAN address needs HTTPS for the service worker). Chromium maps
 * this name to 127.0.0.1 itself (--host-resolver-rules), so the test needs no
 * DNS and sends nothing off this machine, yet the page's origin is an
 * ordinary host name, secure only because it is https.
 */
const HOST = 'tabella-workshop.test';

/** What Chromium's --ignore-certificate-errors-spki-list takes: base64 SHA-256 of the key's SubjectPublicKeyInfo. */
function spkiHash(certPem: string): string {
  return createHash('sha256').update(createPublicKey(certPem).export({ type: 'spki', format: 'der' })).digest('base64');
}

/**
 * Reload while offline on a network address (issue 6): the real built server
 * with TLS_CERT_FILE and TLS_KEY_FILE, a certificate made here with the same
 * library as TLS=self-signed, and a browser that trusts that one certificate
 * (as a participant's device does after installing it; a device that only
 * clicked through the warning gets no service worker, see the last test).
 */
describe('HTTPS on a network name: a reload while offline keeps the board', () => {
  let server: RunningServer;
  let browser: Browser;
  let base: string;
  let links: WorkshopLinks;
  let certPem: string;
  const certDir = mkdtempSync(join(tmpdir(), 'tabella-e2e-tls-'));
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    const pems = await generate([{ name: 'commonName', value: HOST }], {
      keyType: 'ec',
      algorithm: 'sha256',
      extensions: [
        { name: 'basicConstraints', cA: false, critical: true },
        { name: 'keyUsage', digitalSignature: true, critical: true },
        { name: 'extKeyUsage', serverAuth: true },
        { name: 'subjectAltName', altNames: [{ type: 2, value: HOST }, { type: 7, ip: '127.0.0.1' }] },
      ],
    });
    certPem = pems.cert;
    writeFileSync(join(certDir, 'cert.pem'), pems.cert);
    writeFileSync(join(certDir, 'key.pem'), pems.private, { mode: 0o600 });
    server = await startServer({ TLS_CERT_FILE: join(certDir, 'cert.pem'), TLS_KEY_FILE: join(certDir, 'key.pem') });
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    base = `https://${HOST}:${new URL(server.url).port}`;
    browser = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`, `--ignore-certificate-errors-spki-list=${spkiHash(certPem)}`]);
    const home = new HomePage(await newPage(browser));
    await home.open(base);
    links = await home.createWorkshop('Workshop on the room network');
    await home.startBrainstorm(links);
  });

  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await server?.stop();
    rmSync(certDir, { recursive: true, force: true });
  });

  async function newPage(on: Browser, options: { ignoreHTTPSErrors?: boolean } = {}) {
    const context = await on.newContext({ viewport: { width: 1440, height: 900 }, ...options });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    return page;
  }

  it('hands out https links on the name people opened', () => {
    for (const link of Object.values(links)) expect(link.startsWith(`${base}/b/`)).toBe(true);
  });

  it('installs the service worker, reloads offline from it and the device copy, and sends the offline note when back', async () => {
    const page = await newPage(browser);
    const context = page.context();
    const anna = new BoardPage(page);
    const save = new SaveStatus(page);
    await anna.open(links.participant);
    await anna.join('Anna Verdi', 'sales');
    expect(await page.evaluate(() => ({ secure: window.isSecureContext, protocol: location.protocol, host: location.hostname })))
      .toEqual({ secure: true, protocol: 'https:', host: HOST });
    // Connected means the websocket is up: wss:// on the same port.
    expect(await page.getByTestId('connection').getAttribute('data-status')).toBe('connected');
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL ?? null), POLL).toBe(`${base}/sw.js`);

    await expect.poll(async () => (await anna.stages()).length, POLL).toBeGreaterThan(1);
    const [, stage] = await anna.stages();
    await anna.addNote(stage!.id, 'Written online over https');
    await expect.poll(() => save.state(), POLL).toBe('saved');

    // The room's Wi-Fi drops.
    await context.setOffline(true);
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-status'), POLL).toBe('offline');
    const worker = context.serviceWorkers()[0]!;
    expect(await worker.evaluate(() => fetch('/healthz').then(() => 'reached', () => 'unreachable'))).toBe('unreachable');

    // A reload while offline: the app from the service worker's cache, the board from IndexedDB.
    // Some Chromium builds (150) report navigator.onLine === true at load under
    // emulated offline; pin that here so the indicator is tested on what the
    // app itself finds out (a websocket that cannot connect, a failed /healthz).
    await context.addInitScript(() => Object.defineProperty(Navigator.prototype, 'onLine', { get: () => true }));
    const reloaded = await page.reload();
    expect(reloaded?.fromServiceWorker()).toBe(true);
    await page.getByTestId('board').waitFor();
    await expect.poll(async () => (await anna.notes()).map((n) => n.text), POLL).toContain('Written online over https');
    // Whatever navigator.onLine says at load: the websocket cannot connect and /healthz fails.
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-status'), POLL).toBe('offline');

    // And the board still takes new notes, kept on the device.
    await anna.addNote(stage!.id, 'Written offline after a reload');
    await expect.poll(() => save.state(), POLL).toBe('offline');
    await expect.poll(() => save.keptEdits(), POLL).toBe(1);

    // The board's views load on demand (chunks of their own): the service worker cached them at
    // install, so the notes table opens offline too, although this page never opened it online.
    await anna.fromMenu('mode-table');
    await page.getByTestId('table-view').waitFor();
    await page.getByTestId('back-to-board').click();
    await page.getByTestId('table-view').waitFor({ state: 'detached' });

    // Back online: the note reaches the server, and someone else sees it.
    await context.setOffline(false);
    await expect.poll(() => save.state(), POLL).toBe('saved');
    await expect.poll(() => page.getByTestId('connection').getAttribute('data-status'), POLL).toBe('connected');
    const bruno = new BoardPage(await newPage(browser));
    await bruno.open(links.participant);
    await bruno.join('Bruno Neri', 'sales');
    await expect.poll(async () => (await bruno.notes()).map((n) => n.text).sort(), POLL)
      .toEqual(['Written offline after a reload', 'Written online over https']);
  });

  it('a device that only clicked through the certificate warning gets no service worker (so it must trust the certificate)', async () => {
    const untrusting = await launchBrowser([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]);
    try {
      const page = await newPage(untrusting, { ignoreHTTPSErrors: true });
      await page.goto(`${base}/`);
      const registered = await page.evaluate(() => navigator.serviceWorker.register('/sw.js').then(() => 'registered', (e: Error) => e.message));
      expect(registered).toMatch(/SSL certificate error/);
    } finally {
      await untrusting.close();
    }
  });
});
