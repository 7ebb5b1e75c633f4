import type {} from '../../../client/src/board-screen/testHook.js';
import type { Page } from 'playwright-core';

export interface NoteView {
  id: string;
  text: string;
  stageId: string;
  kind: string;
  owners: string[];
}

export interface StageView {
  id: string;
  name: string;
  segment: string;
}

/**
 * Page object for `/b/<id>`. Notes live on a canvas, so it finds them through
 * the app's read-only test hook (window.__tabella): the model for what exists,
 * the layout for where it is drawn.
 */
export class BoardPage {
  constructor(readonly page: Page) {}

  async open(link: string): Promise<void> {
    await this.page.goto(link);
  }

  /**
   * Chooses an entry of the toolbar's "Menu" (views, structure, dot voting,
   * after the workshop, exports), opening the menu first when it is closed.
   */
  async fromMenu(testId: string): Promise<void> {
    if (!(await this.page.getByTestId('toolbar-menu-list').count())) await this.page.getByTestId('toolbar-menu').click();
    await this.page.getByTestId(testId).click();
  }

  /**
   * Joins with a name, then picks the department. The link alone does not give
   * the departments, so the form may come in two steps: name (gets a personal
   * session from the server), then department (once the board has synced).
   */
  async join(name: string, department?: string): Promise<void> {
    await this.page.getByTestId('join-form').waitFor();
    await this.page.getByTestId('join-name').fill(name);
    const choose = async () => {
      const key = department ?? 'none';
      await this.page.locator('label', { has: this.page.getByTestId(`join-department-${key}`) }).click();
    };
    if (await this.page.getByTestId('join-departments').count()) await choose();
    const first = await this.page.getByTestId('join-form').elementHandle();
    await this.page.getByTestId('join-submit').click();
    // Either the board, or the department step (a new form: the first one is gone
    // once the server answered, which may take a moment).
    await this.page.waitForFunction((form) => !form?.isConnected && (
      document.querySelector('[data-testid="board"]') || document.querySelector('[data-testid="join-departments"]')),
    first, { timeout: 15_000 });
    if (await this.page.getByTestId('join-departments').count()) {
      await choose();
      await this.page.getByTestId('join-submit').click();
    }
    await this.waitReady();
  }

  /** Board shown, connected and holding the synced content. */
  async waitReady(): Promise<void> {
    await this.page.getByTestId('board').waitFor();
    await this.page.waitForFunction(
      () => document.querySelector('[data-testid="connection"]')?.getAttribute('data-status') === 'connected',
      undefined, { timeout: 15_000 },
    );
  }

  async stages(): Promise<StageView[]> {
    return this.page.evaluate(() => {
      const s = window.__tabella!.snapshot();
      return s.segments.flatMap((seg) => seg.stages.map((st) => ({ id: st.id, name: st.name, segment: seg.name })));
    });
  }

  async notes(): Promise<NoteView[]> {
    return this.page.evaluate(() =>
      [...window.__tabella!.snapshot().notesById.values()].map((n) => ({
        id: n.id, text: n.text, stageId: n.stageId, kind: n.kind, owners: n.owners,
      })),
    );
  }

  /** Our private drafts (private writing), from the test hook. */
  async drafts(): Promise<NoteView[]> {
    return this.page.evaluate(() =>
      window.__tabella!.drafts().map((n) => ({ id: n.id, text: n.text, stageId: n.stageId, kind: n.kind, owners: n.owners })),
    );
  }

  /** Our view as published to others: world centre and normalised zoom. */
  async view(): Promise<{ x: number; y: number; scale: number } | undefined> {
    return this.page.evaluate(() => window.__tabella!.view());
  }

  /** Members the board knows (server-written), by name. */
  async memberId(name: string): Promise<string | undefined> {
    return this.page.evaluate((n) => window.__tabella!.snapshot().members.find((m) => m.name === n)?.id, name);
  }

  async groups(): Promise<Record<string, string>> {
    return this.page.evaluate(() => Object.fromEntries(window.__tabella!.snapshot().groups));
  }

  async role(): Promise<string | null> {
    return this.page.getByTestId('board').getAttribute('data-role');
  }

  /**
   * The countdown as this page shows it, turned into the wall-clock time at
   * which it ends (all browser contexts share this machine's clock), so pages
   * read one after the other can be compared.
   */
  async timerEndsAt(): Promise<number | undefined> {
    return this.page.evaluate(() => {
      const el = document.querySelector<HTMLElement>('[data-testid="timer"]');
      const remaining = Number(el?.dataset.remainingMs);
      return el && Number.isFinite(remaining) ? Date.now() + remaining : undefined;
    });
  }

  async timerText(): Promise<string | null> {
    return this.page.getByTestId('timer').textContent();
  }

  /** A new board starts in setup: the facilitator's one button opens the brainstorm. */
  async startBrainstorm(): Promise<void> {
    await this.page.getByTestId('start-brainstorm').click();
    await this.page.locator('[data-testid="phase-bar"][data-phase="brainstorm"]').waitFor();
  }

  async setPhase(phase: string): Promise<void> {
    await this.page.getByTestId('phase-select').selectOption(phase);
  }

  async startTimer(minutes: 3 | 5 | 10 | 15): Promise<void> {
    await this.page.getByTestId('timer-open').click();
    await this.page.getByTestId(`timer-preset-${minutes}`).click();
  }

  async openPeople(): Promise<void> {
    if (await this.page.getByTestId('participants-panel').count()) return;
    await this.page.getByTestId('participants-toggle').click();
    await this.page.getByTestId('participants-panel').waitFor();
  }

  /** Double-clicks a stage and writes a note; returns when the editor closed. */
  async writeInStage(stageId: string, text: string): Promise<void> {
    await this.page.getByTestId('toolbar-fit').click();
    const r = await this.stageRect(stageId);
    await this.page.mouse.dblclick(r.x + r.w / 2, r.y + Math.min(20, r.h / 4));
    const editor = this.page.getByTestId('note-editor');
    await editor.waitFor();
    await editor.fill(text);
    await editor.press('Control+Enter');
    await editor.waitFor({ state: 'detached' });
  }

  /**
   * Whether the element with this test id is what a person sees (and clicks) at its
   * own centre, not hidden behind another layer (an overlay, a side panel, the table).
   */
  async onTop(testId: string): Promise<boolean> {
    return this.page.getByTestId(testId).first().evaluate((el) => {
      const r = el.getBoundingClientRect();
      if (r.width < 1 || r.height < 1) return false;
      const hit = document.elementFromPoint(r.left + r.width / 2, r.top + Math.min(r.height / 2, 20));
      return hit !== null && el.contains(hit);
    });
  }

  async onlineCount(): Promise<number> {
    return Number(await this.page.getByTestId('participants-count').textContent());
  }

  private async stageRect(stageId: string) {
    const r = await this.page.evaluate((id) => window.__tabella!.stageRect(id), stageId);
    if (!r) throw new Error(`stage ${stageId} is not laid out`);
    return r;
  }

  private async noteRect(noteId: string) {
    const r = await this.page.evaluate((id) => window.__tabella!.noteRect(id), noteId);
    if (!r) throw new Error(`note ${noteId} is not laid out`);
    return r;
  }

  /** Fits the board, selects a stage by clicking its header and adds a note with the toolbar button. */
  async addNote(stageId: string, text: string): Promise<string> {
    const before = new Set((await this.notes()).map((n) => n.id));
    await this.writeInStage(stageId, text);
    const deadline = Date.now() + 10_000;
    while (Date.now() < deadline) {
      const added = (await this.notes()).find((n) => !before.has(n.id) && n.text === text);
      if (added) return added.id;
      await this.page.waitForTimeout(50);
    }
    throw new Error('note was not added');
  }

  async editNote(noteId: string, text: string): Promise<void> {
    const r = await this.noteRect(noteId);
    await this.page.mouse.dblclick(r.x + r.w / 2, r.y + r.h / 2);
    const editor = this.page.getByTestId('note-editor');
    await editor.waitFor();
    await editor.fill(text);
    await editor.press('Control+Enter');
    await editor.waitFor({ state: 'detached' });
  }

  /** Drags a note by the mouse and drops it in the middle of another stage's cell. */
  async dragNoteToStage(noteId: string, stageId: string): Promise<void> {
    const from = await this.noteRect(noteId);
    const to = await this.stageRect(stageId);
    const sx = from.x + from.w / 2;
    const sy = from.y + from.h / 2;
    const tx = to.x + to.w / 2;
    const ty = to.y + to.h * 0.6;
    await this.page.mouse.move(sx, sy);
    await this.page.mouse.down();
    for (let i = 1; i <= 10; i++) await this.page.mouse.move(sx + ((tx - sx) * i) / 10, sy + ((ty - sy) * i) / 10);
    await this.page.mouse.up();
  }

  /** Moves the mouse over the middle of a stage (publishes our cursor). */
  async hoverStage(stageId: string): Promise<void> {
    const r = await this.stageRect(stageId);
    await this.page.mouse.move(r.x + r.w / 2, r.y + r.h / 2, { steps: 3 });
  }

  async remoteCursors(): Promise<{ name: string; x: number; y: number }[]> {
    return this.page.evaluate(() => window.__tabella!.cursors());
  }
}
