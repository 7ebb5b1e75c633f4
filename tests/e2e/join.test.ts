import AxeBuilder from '@axe-core/playwright';
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { createBoard } from '../support/clients.js';
import { useBrowserSession, PHONE } from './support/session.js';
import { BoardPage } from './pages/BoardPage.js';
import { JoinCodePage, JoinScreen } from './pages/JoinPage.js';

const PROJECTOR = { width: 1920, height: 1080 };
const POLL = { timeout: 15_000, interval: 100 };
const SHOTS = process.env.JOIN_SHOTS_DIR;

async function seriousViolations(page: Page, include: string): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include(include).analyze();
  return result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`);
}

async function shot(page: Page, name: string): Promise<void> {
  if (SHOTS) await page.screenshot({ path: `${SHOTS}/${name}.png` });
}

/**
 * Joining a room: the facilitator puts the Join screen on the projector; a
 * phone types the short code on /join, another scans the QR code, and both
 * land on the board as participants under their names. Closing joining
 * refuses the code with a message that says what to do.
 */
describe('joining with a QR code or a short code', () => {
  const session = useBrowserSession({ acceptDialogs: true });
  let screen: JoinScreen;
  let code: string;
  let qrUrl: string;

  it('the Join screen shows a QR code that decodes to the join page with the code, the code and the address to type', async () => {
    const { url } = session.server;
    const board = await createBoard(url);
    const fac = new BoardPage(await session.newPage(PROJECTOR));
    await fac.open(board.links.facilitator);
    await fac.join('Fay Facilitator', 'sales');
    screen = new JoinScreen(fac.page);
    await screen.open();
    code = await screen.code();
    expect(code).toMatch(/^[2-9A-HJKMNP-Z]{3}-[2-9A-HJKMNP-Z]{3}$/);
    expect(await screen.address()).toBe(`${new URL(url).host}/join`);
    // This browser did not create the board, so it does not know the participant link: the QR holds the join page.
    qrUrl = `${url}/join?code=${code}`;
    expect(await screen.qrText()).toBe(qrUrl);
    // Readable from the back of the room: the code is large on a 1920x1080 projector.
    const codeBox = await fac.page.getByTestId('join-screen-code').boundingBox();
    expect(codeBox!.height).toBeGreaterThanOrEqual(100);
    expect(await seriousViolations(fac.page, '[data-testid="join-screen"]')).toEqual([]);
    await shot(fac.page, 'join-screen-1920x1080');
  });

  it('a phone types the code (lower case, no hyphen) on /join and lands on the board as a participant with its name', async () => {
    const phone = new JoinCodePage(await session.newPage(PHONE));
    await phone.open(session.server.url);
    expect(await seriousViolations(phone.page, 'body')).toEqual([]);
    await shot(phone.page, 'join-page-390x844');
    expect(await phone.enterCode(code.replace('-', '').toLowerCase())).toBe('name');
    await shot(phone.page, 'join-name-390x844');
    const board = new BoardPage(phone.page);
    await board.join('Pia Phone', 'support');
    expect(await board.role()).toBe('participant');
    await expect.poll(() => board.memberId('Pia Phone'), POLL).toBeDefined();
    expect(new URL(phone.page.url()).pathname).toMatch(/^\/b\//);
    await shot(phone.page, 'joined-390x844');
  });

  it('after the breakout groups are made, a phone that scans the QR code types its name, taps its department and Join, and lands in its group', async () => {
    // The facilitator makes the groups (one participant so far: Pia, in the first segment), then shows the Join screen again.
    const fac = new BoardPage(screen.page);
    await fac.page.getByTestId('join-screen-close').click();
    await fac.openPeople();
    await fac.page.getByTestId('groups-auto').click();
    const piaId = (await fac.memberId('Pia Phone'))!;
    await expect.poll(async () => Object.keys(await fac.groups()), POLL).toEqual([piaId]);
    await screen.open();

    const page = await session.newPage(PHONE);
    await page.goto(qrUrl);
    await page.getByTestId('join-form').waitFor();
    await page.getByTestId('join-name').fill('Sam Scanner');
    await page.locator('label', { has: page.getByTestId('join-department-sales') }).click();
    await page.getByTestId('join-submit').click();
    const board = new BoardPage(page);
    await board.waitReady();
    expect(await board.role()).toBe('participant');
    await expect.poll(() => board.memberId('Sam Scanner'), POLL).toBeDefined();
    const samId = (await board.memberId('Sam Scanner'))!;
    // The smallest group is the second segment; the phone's list opens on it.
    const segments = await page.evaluate(() => window.__tabella!.snapshot().segments.map((s) => s.id));
    await expect.poll(async () => (await board.groups())[samId], POLL).toBe(segments[1]);
    await expect.poll(() => page.getByTestId('phone-segment').inputValue(), POLL).toBe(segments[1]);
    await shot(page, 'landed-in-group-390x844');
  });

  it('a new code replaces the old one; closed joining refuses the code with a clear message', async () => {
    const old = code;
    code = await screen.newCode();
    expect(code).not.toBe(old);
    const phone = new JoinCodePage(await session.newPage(PHONE));
    await phone.open(session.server.url);
    expect(await phone.enterCode(old)).toBe('error');
    expect(await phone.error()).toBe('No workshop has this code. Please check it on the screen in the room.');

    await screen.closeJoining();
    expect(await seriousViolations(screen.page, '[data-testid="join-screen"]')).toEqual([]);
    await shot(screen.page, 'join-screen-closed-1920x1080');
    expect(await phone.enterCode(code)).toBe('error');
    expect(await phone.error()).toBe('Joining with this code is closed. Ask the facilitator to reopen it or to give you a new code.');
    expect(await seriousViolations(phone.page, 'body')).toEqual([]);
    await shot(phone.page, 'join-closed-390x844');

    await screen.reopen();
    expect(await phone.enterCode(code)).toBe('name');
  });
});
