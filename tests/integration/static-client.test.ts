import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer } from '../support/in-process-server.js';

type Server = Awaited<ReturnType<typeof startTestServer>>;
let server: Server;
/** A script like the board's chunk: large and repetitive, as minified JavaScript is. */
const script = `export const rows = [${Array.from({ length: 4000 }, (_, i) => `{"id":${i},"label":"stage ${i % 15}"}`).join(',')}];\n`;

beforeAll(async () => {
  const staticDir = mkdtempSync(join(tmpdir(), 'tabella-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Tabella test shell</title>');
  writeFileSync(join(staticDir, 'board.js'), script);
  server = await startTestServer({ STATIC_DIR: staticDir });
});
afterAll(() => server.close());

/** A GET with exactly these headers (fetch would add and undo its own Accept-Encoding). */
function get(path: string, headers: Record<string, string>) {
  return new Promise<{ headers: Record<string, string | string[] | undefined>; body: Buffer }>((resolve, reject) => {
    request(`${server.url}${path}`, { headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ headers: res.headers, body: Buffer.concat(chunks) }));
    }).on('error', reject).end();
  });
}

describe('the built client over HTTP', () => {
  it('sends scripts compressed to a browser that accepts it (Brotli, else gzip), and plain to one that does not', async () => {
    const br = await get('/board.js', { 'accept-encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(br.body.byteLength).toBeLessThan(script.length / 4);
    expect(brotliDecompressSync(br.body).toString()).toBe(script);
    const zipped = await get('/board.js', { 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(zipped.body.byteLength).toBeLessThan(script.length / 4);
    expect(gunzipSync(zipped.body).toString()).toBe(script);
    const plain = await get('/board.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(script);
  });
});
