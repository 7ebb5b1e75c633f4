import { monitorEventLoopDelay } from 'node:perf_hooks';
import PDFDocument from 'pdfkit';
import { PNG } from 'pngjs';
import { describe, expect, it } from 'vitest';
import { LOGO_MAX_PIXELS, readBoard } from '../../shared/src/index.js';
import { connectMember, createBoard } from '../support/clients.js';
import { storedDoc, useTestServer } from '../support/in-process-server.js';
import { seededRandom } from '../support/random.js';
import { testLogoJpeg, testLogoPng } from '../support/test-logo.js';

const fixture = useTestServer();
const SEED = Number(process.env.LOGO_FUZZ_SEED ?? 20261203);
const ROUNDS = Number(process.env.LOGO_FUZZ_ROUNDS ?? 24);

/** Crafted variants of a valid image: flipped bytes, cut files, spliced headers, repeated chunks. */
function mutate(base: Buffer, random: () => number): Buffer {
  const bytes = Buffer.from(base);
  const pick = () => Math.floor(random() * bytes.length);
  switch (Math.floor(random() * 5)) {
    case 0: // a few random bytes changed
      for (let i = 0; i < 1 + random() * 8; i++) bytes[pick()] = Math.floor(random() * 256);
      return bytes;
    case 1: // cut short
      return bytes.subarray(0, pick());
    case 2: // a header field (width, height, bit depth, colour type) set to an extreme
      bytes.writeUInt32BE(Math.floor(random() * 0xffffffff), 16 + 4 * Math.floor(random() * 2));
      return bytes;
    case 3: // a slice repeated in the middle
      { const at = pick(); return Buffer.concat([bytes.subarray(0, at), bytes.subarray(at / 2, at), bytes.subarray(at)]); }
    default: // the bytes of the other format after a valid signature
      return Buffer.concat([bytes.subarray(0, 8), testLogoJpeg().subarray(2)]);
  }
}

/** The largest image a logo may be, all one colour: a few KiB that inflate to 32 MB of pixels. */
function pixelBomb(): Buffer {
  const png = new PNG({ width: 4000, height: LOGO_MAX_PIXELS / 4000 });
  png.data.fill(0xff);
  return PNG.sync.write(png, { deflateLevel: 9 });
}

/** An independent reader: pdfkit's own PNG and JPEG parsers must accept what the server stored. */
function pdfkitAccepts(bytes: Uint8Array): void {
  const pdf = new PDFDocument({ autoFirstPage: true });
  pdf.image(Buffer.from(bytes), 0, 0, { width: 100 });
  pdf.end();
}

describe('crafted logo uploads', () => {
  it('never crash, never store what a renderer cannot read, and never hold the event loop', async () => {
    const board = await createBoard(fixture.server.url, { title: 'Attack', template: 'vision-workshop', language: 'en' });
    const fac = await connectMember(fixture.server.url, board, 'facilitator', 'Fiona Facile', 'management');
    fixture.open.push(fac);
    await fac.synced;
    const random = seededRandom(SEED);
    const bases = [testLogoPng(), testLogoJpeg()];
    const bodies = [pixelBomb(), ...Array.from({ length: ROUNDS }, (_, i) => mutate(bases[i % 2]!, random))];
    const statuses = new Map<number, number>();
    const put = (body: Buffer) => fetch(`${fixture.server.url}/api/boards/${board.id}/brand/logo?token=${fac.session}`, {
      method: 'PUT', body: new Blob([new Uint8Array(body)]),
    });
    // One honest upload first: what loads once per process (modules, the worker's code) is not the attack's doing.
    expect((await put(testLogoPng())).status).toBe(200);
    const loop = monitorEventLoopDelay({ resolution: 10 });
    loop.enable();
    // Two at a time, as a script would send them.
    for (let i = 0; i < bodies.length; i += 2) {
      await Promise.all(bodies.slice(i, i + 2).map(async (body, j) => {
        const res = await put(body);
        const answer = (await res.json()) as { code?: string };
        expect([200, 400, 413, 503], `seed ${SEED} body ${i + j}: ${JSON.stringify(answer)}`).toContain(res.status);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        if (res.status !== 200) expect(answer.code).toMatch(/^(logo-not-an-image|logo-too-large|restarting)$/);
      }));
    }
    loop.disable();
    const worstMs = loop.max / 1e6;
    console.log(`logo fuzz seed ${SEED}: ${bodies.length} uploads, answers ${JSON.stringify(Object.fromEntries(statuses))}, longest event-loop delay ${worstMs.toFixed(0)} ms`);
    expect(statuses.get(200) ?? 0).toBeGreaterThan(0); // the pixel bomb is a valid logo and is taken
    const logo = readBoard(await storedDoc(fixture.server, board.id)).brand.logo;
    expect(logo).not.toBeNull();
    expect(() => pdfkitAccepts(logo!.bytes)).not.toThrow();
    // Decoding happens in workers: the thread that serves every board stays free.
    expect(worstMs).toBeLessThan(150);
  });
});
