import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext } from 'playwright-core';
import { createBoard } from '../support/clients.js';
import { startBalancedCluster, type BalancedCluster } from '../support/balanced-cluster.js';
import { BoardPage } from './pages/BoardPage.js';
import { launchBrowser } from './support/browser.js';
import { LAPTOP } from './support/session.js';

const POLL = { timeout: 15_000, interval: 100 };

/**
 * Issue 14: two people in two browsers open one board through the real load
 * balancer (HAProxy running docs/deploy/haproxy.cfg), land on different
 * nodes, and see each other's notes live. Needs the nodes to share their
 * store and hear each other (PostgreSQL + Redis, tests/support/cluster.ts):
 * on nodes that each keep their own SQLite file it cannot pass.
 */
describe('two browsers on two nodes behind HAProxy', () => {
  let cluster: BalancedCluster<{ participant: string }>;
  let browser: Browser;
  const contexts: BrowserContext[] = [];

  beforeAll(async () => {
    cluster = await startBalancedCluster({
      nodes: 2,
      seed: async (url) => ({ participant: (await createBoard(url)).links.participant }),
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    for (const c of contexts) await c.close();
    await browser?.close();
    await cluster?.stop();
  });

  async function person(name: string): Promise<BoardPage> {
    const context = await browser.newContext({ viewport: LAPTOP });
    contexts.push(context);
    const page = await context.newPage();
    page.on('pageerror', (err) => console.error('page error:', err.message));
    const board = new BoardPage(page);
    await board.open(cluster.seeded.participant);
    await board.join(name, 'sales');
    return board;
  }

  it('lands each person on a different node, and each sees the other\'s note live', async () => {
    // The link points at the balancer (PUBLIC_URL), not at a node.
    expect(new URL(cluster.seeded.participant).origin).toBe(cluster.url);
    const alice = await person('Alice Rossi');
    const total = async () => (await cluster.health()).reduce((sum, h) => sum + (h?.sockets ?? 0), 0);
    // One websocket per person on an ordinary board (no private drafts open).
    await expect.poll(total, POLL).toBe(1);
    const bruno = await person('Bruno Verdi');
    // leastconn: the second websocket goes to the node that holds none.
    await expect.poll(total, POLL).toBe(2);
    expect((await cluster.health()).map((h) => h?.sockets)).toEqual([1, 1]);

    const stage = (await alice.stages())[0]!;
    const fromAlice = await alice.addNote(stage.id, 'Joint visit with the distributor in March');
    await expect.poll(async () => (await bruno.notes()).find((n) => n.id === fromAlice)?.text, POLL)
      .toBe('Joint visit with the distributor in March');
    const fromBruno = await bruno.addNote(stage.id, 'Price list in the customer\'s language');
    await expect.poll(async () => (await alice.notes()).find((n) => n.id === fromBruno)?.text, POLL)
      .toBe('Price list in the customer\'s language');
    await expect.poll(() => alice.onlineCount(), POLL).toBe(2);
    // For a person checking by eye (SHOTS_DIR=/tmp/shots npx vitest run ...): both screens.
    if (process.env.SHOTS_DIR) {
      await alice.page.screenshot({ path: `${process.env.SHOTS_DIR}/lb-alice.png` });
      await bruno.page.screenshot({ path: `${process.env.SHOTS_DIR}/lb-bruno.png` });
    }
  });
});
