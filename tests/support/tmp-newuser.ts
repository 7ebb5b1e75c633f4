// Throwaway: tries the app as a new user (not committed).
import { launchBrowser } from '../e2e/support/browser.js';
import { HomePage } from '../e2e/pages/HomePage.js';
import { BoardPage } from '../e2e/pages/BoardPage.js';
const base = process.argv[2]!;
const browser = await launchBrowser();
const ctx = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'it-IT' });
const page = await ctx.newPage();
const home = new HomePage(page);
await home.open(base);
await page.screenshot({ path: '/tmp/shots/home.png' });
const links = await home.createWorkshop('Workshop vendite Milano', 'vision-workshop', 'it');
const phone = await browser.newContext({ viewport: { width: 390, height: 844 }, locale: 'it-IT', isMobile: true, hasTouch: true });
const p2 = await phone.newPage();
const anna = new BoardPage(p2);
await anna.open(links.participant);
await p2.screenshot({ path: '/tmp/shots/join-phone.png' });
await anna.join('Anna Verdi', 'sales');
await p2.waitForTimeout(1500);
await p2.screenshot({ path: '/tmp/shots/board-phone.png' });
// A second person with the same name: the clear error.
const p3 = await (await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'it-IT' })).newPage();
const dup = new BoardPage(p3);
await dup.open(links.participant);
await p3.getByTestId('join-name').fill('anna verdi').catch(() => undefined);
await p3.getByTestId('join-submit').click().catch(() => undefined);
await p3.waitForTimeout(1000);
await p3.screenshot({ path: '/tmp/shots/join-duplicate.png' });
await browser.close();
