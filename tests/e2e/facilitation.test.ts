import { describe, expect, it } from 'vitest';
import { PHONE, useBrowserSession } from './support/session.js';
import { HomePage, type WorkshopLinks } from './pages/HomePage.js';
import { BoardPage } from './pages/BoardPage.js';

const POLL = { timeout: 15_000, interval: 100 };

describe('facilitation: a facilitator and two participants', () => {
  const session = useBrowserSession({ acceptDialogs: true });
  const newPage = session.newPage;
  let links: WorkshopLinks;
  let fac: BoardPage;
  let alice: BoardPage;
  let bruno: BoardPage;


  it('everyone joins with an identity from the server', async () => {
    const home = new HomePage(await newPage());
    await home.open(session.server.url);
    links = await home.createWorkshop('Vision workshop Torino');
    fac = new BoardPage(home.page);
    await fac.open(links.facilitator);
    await fac.join('Giulia Neri', 'management');
    alice = new BoardPage(await newPage());
    await alice.open(links.participant);
    await alice.join('Alice Rossi', 'sales');
    bruno = new BoardPage(await newPage());
    await bruno.open(links.participant);
    await bruno.join('Bruno Verdi', 'engineering');

    // The server knows all three, with distinct ids, and tells every client.
    await expect.poll(async () => (await fac.page.evaluate(() =>
      window.__tabella!.snapshot().members.map((m) => `${m.name}:${m.role}:${m.department}`).sort())), POLL)
      .toEqual(['Alice Rossi:participant:sales', 'Bruno Verdi:participant:engineering', 'Giulia Neri:facilitator:management']);
    const ids = await Promise.all(['Alice Rossi', 'Bruno Verdi', 'Giulia Neri'].map((n) => fac.memberId(n)));
    expect(new Set(ids).size).toBe(3);
    // A new board starts in setup: people can look, not write, until the facilitator starts.
    expect(await alice.page.getByTestId('phase-name').textContent()).toBe('Setup');
    expect(await alice.page.getByTestId('fab-add-note').count()).toBe(0);
    await fac.startBrainstorm();
    await expect.poll(() => alice.page.getByTestId('phase-name').textContent(), POLL).toBe('Brainstorm');
    expect(await alice.page.getByTestId('fab-add-note').count()).toBe(1);
    // A reload keeps the personal session: no join form again.
    await alice.page.reload();
    await alice.waitReady();
    expect(await alice.page.getByTestId('join-form').count()).toBe(0);
    expect(await alice.page.getByTestId('phase-name').textContent()).toBe('Brainstorm');
  });

  it('the timer counts down on all three screens, within 2 s of each other', async () => {
    await fac.startTimer(5);
    const pages = [fac, alice, bruno];
    for (const p of pages) await p.page.getByTestId('timer-value').waitFor({ timeout: 15_000 });
    const ends = await Promise.all(pages.map((p) => p.timerEndsAt()));
    const defined = ends.filter((e): e is number => e !== undefined);
    expect(defined).toHaveLength(3);
    expect(Math.max(...defined) - Math.min(...defined)).toBeLessThan(2000);
    expect(await alice.timerText()).toMatch(/^[45]:\d\d/);
    // Counting down, not frozen.
    const first = Number(await bruno.page.getByTestId('timer').getAttribute('data-remaining-ms'));
    await expect.poll(async () => Number(await bruno.page.getByTestId('timer').getAttribute('data-remaining-ms')), POLL)
      .toBeLessThan(first - 500);
    await fac.page.getByTestId('participants-toggle').click();
    await fac.page.getByTestId('participants-panel').waitFor();
    await fac.page.screenshot({ path: '/tmp/tabella-facilitation-laptop.png' });
    await alice.page.screenshot({ path: '/tmp/tabella-facilitation-participant-laptop.png' });
    await fac.page.getByTestId('participants-toggle').click();
  });

  it('at zero every screen shows "Time\'s up"', async () => {
    await fac.page.getByTestId('timer-open').click();
    await fac.page.getByTestId('timer-custom').fill('0.05');
    await fac.page.getByTestId('timer-custom-start').click();
    for (const p of [fac, alice, bruno]) await p.page.getByTestId('timer-up').waitFor({ timeout: 15_000 });
    await alice.page.screenshot({ path: '/tmp/tabella-times-up.png' });
    await fac.page.getByTestId('timer-stop').click();
    await expect.poll(() => bruno.page.getByTestId('timer').count(), POLL).toBe(0);
    await fac.startTimer(10);
    await bruno.page.getByTestId('timer-value').waitFor();
  });

  it('private writing: a draft never reaches the other participant until the reveal', async () => {
    await fac.page.getByTestId('private-toggle').click();
    await fac.page.screenshot({ path: '/tmp/tabella-private-facilitator.png' });
    await alice.page.getByTestId('private-badge').waitFor({ timeout: 15_000 });
    await bruno.page.getByTestId('private-badge').waitFor({ timeout: 15_000 });
    const [stage] = await alice.stages();
    const secret = 'Secret idea: a technical pre-sales desk for every region';
    await alice.writeInStage(stage!.id, secret);
    await expect.poll(async () => (await alice.drafts()).map((d) => d.text), POLL).toEqual([secret]);
    await expect.poll(() => alice.page.getByTestId('draft-count').textContent(), POLL).toContain('1');
    expect((await alice.notes()).some((n) => n.text === secret)).toBe(false);
    await alice.page.screenshot({ path: '/tmp/tabella-private-draft.png' });

    // Give the network every chance to leak it, then look everywhere in Bruno's page and the facilitator's.
    await expect.poll(async () => (await alice.drafts()).length, POLL).toBe(1);
    for (const other of [bruno, fac]) {
      expect(await other.page.content()).not.toContain('Secret idea');
      expect(JSON.stringify(await other.notes())).not.toContain('Secret idea');
    }

    await fac.page.getByTestId('private-toggle').click();
    await expect.poll(async () => (await bruno.notes()).find((n) => n.text === secret)?.stageId, POLL).toBe(stage!.id);
    const revealed = await bruno.page.evaluate((text) =>
      [...window.__tabella!.snapshot().notesById.values()].find((n) => n.text === text)?.authorName, secret);
    expect(revealed).toBe('Alice Rossi');
    await expect.poll(async () => (await alice.drafts()).length, POLL).toBe(0);
    await expect.poll(async () => (await alice.notes()).some((n) => n.text === secret), POLL).toBe(true);
    expect(await bruno.page.getByTestId('private-badge').count()).toBe(0);
  });

  it('"bring everyone to me" moves both participants to the facilitator\'s view', async () => {
    // The facilitator looks somewhere distinctive: zoomed in, panned.
    await fac.page.getByTestId('toolbar-fit').click();
    for (let i = 0; i < 3; i++) await fac.page.getByTestId('toolbar-zoom-in').click();
    const canvas = fac.page.getByTestId('board-canvas');
    const box = (await canvas.boundingBox())!;
    await fac.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await fac.page.mouse.wheel(400, 300);
    await expect.poll(async () => (await fac.view())?.x, POLL).toBeDefined();
    const target = (await fac.view())!;
    const before = (await alice.view())!;
    expect(Math.abs(before.x - target.x) + Math.abs(before.y - target.y)).toBeGreaterThan(50);

    await fac.page.getByTestId('bring-everyone').click();
    for (const p of [alice, bruno]) {
      await expect.poll(async () => {
        const v = await p.view();
        return v !== undefined && Math.abs(v.x - target.x) < 5 && Math.abs(v.y - target.y) < 5
          && Math.abs(v.scale / target.scale - 1) < 0.02;
      }, POLL).toBe(true);
    }
    // Each of them is told where they were taken: the stage or segment under the centre of that view.
    const places = (await fac.stages()).flatMap((st) => [st.name, st.segment]);
    for (const p of [alice, bruno]) {
      const notice = await p.page.getByTestId('toast').filter({ hasText: 'The facilitator brought you to' }).first().textContent();
      expect(places).toContain(notice!.replace(/^.*The facilitator brought you to /, '').trim());
    }
  });

  it('spotlight on a stage brings everyone to that stage', async () => {
    const stages = await fac.stages();
    const target = stages[stages.length - 1]!;
    await fac.fromMenu('toolbar-structure');
    await fac.page.getByTestId('structure-panel').waitFor();
    const rows = fac.page.getByTestId('spotlight-stage');
    await rows.nth(stages.length - 1).click();
    for (const p of [alice, bruno]) {
      await expect.poll(async () => {
        const r = await p.page.evaluate((id) => window.__tabella!.stageRect(id), target.id);
        const v = p.page.viewportSize()!;
        return r !== undefined && r.x >= 0 && r.x + r.w <= v.width && r.y >= 0 && r.y < v.height / 2;
      }, POLL).toBe(true);
    }
    for (const p of [alice, bruno]) {
      await p.page.getByTestId('toast').filter({ hasText: `The facilitator brought you to ${target.name}` }).first().waitFor();
    }
    await fac.fromMenu('toolbar-structure');
  });

  it('following someone moves with them and stops when you move yourself', async () => {
    await bruno.openPeople();
    const giulia = bruno.page.getByTestId('participant').filter({ hasText: 'Giulia Neri' });
    await giulia.getByTestId('participant-follow').click();
    await bruno.page.getByTestId('follow-pill').waitFor();
    await fac.page.getByTestId('toolbar-fit').click();
    const fitted = (await fac.view())!;
    await expect.poll(async () => {
      const v = await bruno.view();
      return v !== undefined && Math.abs(v.x - fitted.x) < 5 && Math.abs(v.y - fitted.y) < 5;
    }, POLL).toBe(true);
    await bruno.page.getByTestId('toolbar-zoom-in').click();
    await bruno.page.getByTestId('follow-pill').waitFor({ state: 'detached' });
    await bruno.page.getByTestId('participants-toggle').click();
  });

  it('breakout groups: auto-assign puts each participant on a segment, and their view opens there', async () => {
    await fac.openPeople();
    await fac.page.getByTestId('groups-auto').click();
    const aliceId = (await fac.memberId('Alice Rossi'))!;
    const brunoId = (await fac.memberId('Bruno Verdi'))!;
    await expect.poll(async () => Object.keys(await alice.groups()).sort(), POLL).toEqual([aliceId, brunoId].sort());
    const groups = await alice.groups();
    const segments = await alice.page.evaluate(() => window.__tabella!.snapshot().segments.map((s) => s.id));
    expect(segments).toContain(groups[aliceId]);
    expect(segments).toContain(groups[brunoId]);
    expect(groups[aliceId]).not.toBe(groups[brunoId]);
    // The facilitator sees who is where.
    const counts = await fac.page.getByTestId('group-count').allTextContents();
    expect(counts.map((c) => Number(/(\d+)$/.exec(c.trim())?.[1] ?? 0)).reduce((a, b) => a + b, 0)).toBe(2);
    // A participant who opens the board lands on their segment.
    await alice.page.reload();
    await alice.waitReady();
    const lane = await alice.page.evaluate((id) => {
      const seg = window.__tabella!.snapshot().segments.find((s) => s.id === id)!;
      return window.__tabella!.stageRect(seg.stages[0]!.id);
    }, groups[aliceId]!);
    expect(lane).toBeDefined();
    expect(lane!.y).toBeGreaterThan(0);
    expect(lane!.y).toBeLessThan(450);
    await fac.page.screenshot({ path: '/tmp/tabella-groups-laptop.png' });
  });

  it('phone: phase bar, timer and people panel fit a small screen', async () => {
    const carla = new BoardPage(await newPage(PHONE));
    await carla.open(links.participant);
    await carla.join('Carla Bianchi', 'marketing');
    await carla.page.getByTestId('timer-value').waitFor();
    await carla.page.screenshot({ path: '/tmp/tabella-facilitation-phone.png' });
    await carla.openPeople();
    await carla.page.screenshot({ path: '/tmp/tabella-people-phone.png' });
    await carla.page.getByTestId('participants-toggle').click().catch(() => undefined);
  });

  it('phases: a participant sees what to do, and cannot add notes when the phase closes writing', async () => {
    await fac.setPhase('vote');
    await expect.poll(() => alice.page.getByTestId('phase-name').textContent(), POLL).toBe('Vote');
    await alice.page.getByTestId('phase-blocked').waitFor();
    expect(await alice.page.getByTestId('toolbar-add-note').count()).toBe(0);
    expect(await alice.page.getByTestId('phase-instruction').textContent()).toMatch(/Voting opens in a moment|Vote: you have \d+ dots? left/);
    await alice.page.getByTestId('language-it').click();
    await expect.poll(() => alice.page.getByTestId('phase-name').textContent(), POLL).toBe('Votazione');
    await alice.page.screenshot({ path: '/tmp/tabella-phase-vote-it.png' });
    await alice.page.getByTestId('language-en').click();
    await fac.setPhase('brainstorm');
    await alice.page.getByTestId('toolbar-add-note').waitFor();
  });

  it('a refused update (phase closed while writing) shows the reason and resyncs without an error screen', async () => {
    const [stage] = await alice.stages();
    await alice.page.getByTestId('toolbar-fit').click();
    const r = await alice.page.evaluate((id) => window.__tabella!.stageRect(id), stage!.id);
    await alice.page.mouse.dblclick(r!.x + r!.w / 2, r!.y + 20);
    const editor = alice.page.getByTestId('note-editor');
    await editor.waitFor();
    await fac.setPhase('review');
    await expect.poll(() => alice.page.getByTestId('phase-name').textContent(), POLL).toBe('Review');
    await editor.fill('Too late for this phase');
    await editor.press('Control+Enter');
    await alice.page.getByTestId('toast').first().waitFor({ timeout: 15_000 });
    // The rule the server named (R6), in the reader's words.
    expect(await alice.page.getByTestId('toast').allTextContents()).toContainEqual(expect.stringContaining('This phase does not allow that.'));
    await expect.poll(async () => (await alice.notes()).some((n) => n.text === 'Too late for this phase'), POLL).toBe(false);
    expect(await alice.page.getByTestId('error-screen').count()).toBe(0);
    await expect.poll(() => alice.page.getByTestId('connection').getAttribute('data-status'), POLL).toBe('connected');
    expect((await bruno.notes()).some((n) => n.text === 'Too late for this phase')).toBe(false);
    await fac.setPhase('brainstorm');
    await alice.page.getByTestId('toolbar-add-note').waitFor();
    // Still live after the resync: a new note of Alice's reaches Bruno.
    const id = await alice.addNote(stage!.id, 'Back to writing');
    await expect.poll(async () => (await bruno.notes()).some((n) => n.id === id), POLL).toBe(true);
  });

  it('a participant made viewer loses the editing controls', async () => {
    expect(await bruno.page.getByTestId('fab-add-note').count() + await bruno.page.getByTestId('toolbar-add-note').count())
      .toBeGreaterThan(0);
    await fac.openPeople();
    const row = fac.page.getByTestId('participant').filter({ hasText: 'Bruno Verdi' });
    await row.getByTestId('participant-actions').selectOption('viewer');
    await expect.poll(() => bruno.role(), POLL).toBe('viewer');
    await expect.poll(async () => await bruno.page.getByTestId('toolbar-add-note').count()
      + await bruno.page.getByTestId('fab-add-note').count(), POLL).toBe(0);
    expect(await bruno.page.getByTestId('role-badge').textContent()).toBe('Viewer');
    await expect.poll(async () => fac.page.evaluate(() =>
      window.__tabella!.snapshot().members.find((m) => m.name === 'Bruno Verdi')?.role), POLL).toBe('viewer');
  });

  it('a removed person gets a clear screen, not the board', async () => {
    await fac.openPeople();
    const row = fac.page.getByTestId('participant').filter({ hasText: 'Bruno Verdi' });
    await row.getByTestId('participant-actions').selectOption('remove');
    await bruno.page.getByTestId('error-screen').waitFor({ timeout: 15_000 });
    expect(await bruno.page.getByTestId('error-screen').getAttribute('data-kind')).toBe('removed');
    await expect.poll(() => fac.page.getByTestId('participant').filter({ hasText: 'Bruno Verdi' }).count(), POLL).toBe(0);
    await bruno.page.reload();
    await bruno.page.getByTestId('error-screen').waitFor();
    expect(await bruno.page.getByTestId('error-screen').getAttribute('data-kind')).toBe('removed');
  });
});
