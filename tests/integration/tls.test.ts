import { spawnSync } from 'node:child_process';
import { X509Certificate } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { request } from 'node:https';
import { connect as connectTcp } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { generate } from 'selfsigned';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import * as Y from 'yjs';
import { WebsocketProvider } from 'y-websocket';
import { roots, type CreateBoardResponse } from '../../shared/src/index.js';
import { ConfigError } from '../../server/src/config.js';
import { SELF_SIGNED_CERT, SELF_SIGNED_KEY } from '../../server/src/http/tls.js';
import type { TabellaServer } from '../../server/src/server.js';
import { startTestServer } from '../support/in-process-server.js';

const MAIN = fileURLToPath(new URL('../../server/dist/main.js', import.meta.url));

interface Answer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/** An https request that trusts only `ca` (and checks the host name against it, as browsers do). */
function httpsRequest(url: string, ca: string, options: { method?: string; body?: unknown } = {}): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = request(url, { method: options.method ?? 'GET', ca, headers: { 'content-type': 'application/json' } }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => (body += chunk));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end(options.body === undefined ? undefined : JSON.stringify(options.body));
  });
}

/** Sends `text` on a plain TCP socket to `url`'s port and resolves with everything the server answered. */
function rawHttp(url: string, text: string): Promise<string> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    const socket = connectTcp(Number(port), hostname, () => socket.write(text));
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => (answer += chunk));
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

async function selfSignedPair(name: string): Promise<{ cert: string; key: string }> {
  const pems = await generate([{ name: 'commonName', value: name }], { keyType: 'ec', algorithm: 'sha256' });
  return { cert: pems.cert, key: pems.private };
}

describe('TLS=self-signed: HTTPS and WSS on the one port, with a certificate kept in DATA_DIR', () => {
  let server: TabellaServer & { dataDir: string };
  let cert: string;

  beforeAll(async () => {
    server = await startTestServer({ TLS: 'self-signed' });
    cert = readFileSync(join(server.dataDir, 'tls', SELF_SIGNED_CERT), 'utf8');
  });

  afterAll(async () => {
    await server?.close();
    if (server) rmSync(server.dataDir, { recursive: true, force: true });
  });

  it('serves https with a certificate for loopback and this machine, its key readable only by the owner', async () => {
    expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
    const x509 = new X509Certificate(cert);
    expect(x509.checkIP('127.0.0.1')).toBe('127.0.0.1');
    expect(x509.checkHost('localhost')).toBe('localhost');
    expect(x509.ca).toBe(false);
    expect(server.certificate?.fingerprint).toBe(x509.fingerprint256);
    expect(statSync(join(server.dataDir, 'tls', SELF_SIGNED_KEY)).mode & 0o077).toBe(0);
    const health = await httpsRequest(`${server.url}/healthz`, cert);
    expect(health.status).toBe(200);
  });

  it('answers a plain-http request on the same port with a redirect to https', async () => {
    const plain = server.url.replace(/^https:/, 'http:');
    const res = await fetch(`${plain}/b/some-board?x=1`, { redirect: 'manual' });
    expect(res.status).toBe(308);
    expect(res.headers.get('location')).toBe(`${server.url}/b/some-board?x=1`);
    // A Host header that is not a host name is not echoed into a redirect.
    const odd = await rawHttp(plain, 'GET / HTTP/1.1\r\nHost: evil.example/path\r\nConnection: close\r\n\r\n');
    expect(odd).toMatch(/^HTTP\/1\.1 400/);
    // https on the same port still works after the plain requests.
    expect((await httpsRequest(`${server.url}/healthz`, cert)).status).toBe(200);
  });

  it('sends HSTS and upgrade-insecure-requests, and allows only wss: for the websocket', async () => {
    const page = await httpsRequest(`${server.url}/healthz`, cert);
    expect(page.headers['strict-transport-security']).toBe('max-age=15552000');
    const directives = String(page.headers['content-security-policy']).split(';');
    expect(directives).toContain('upgrade-insecure-requests');
    expect(directives).toContain("connect-src 'self' wss:");
  });

  it('hands out https links, and a stock y-websocket provider syncs over wss trusting only this certificate', async () => {
    const created = await httpsRequest(`${server.url}/api/boards`, cert, {
      method: 'POST', body: { title: 'Over TLS', template: 'vision-workshop', language: 'en' },
    });
    expect(created.status).toBe(201);
    const board = JSON.parse(created.body) as CreateBoardResponse;
    expect(board.links.viewer.startsWith(`${server.url}/b/${board.id}`)).toBe(true);
    const token = new URL(board.links.viewer).hash.replace('#token=', '');

    // ws with the certificate as its only trusted authority, as a participant's device that installed it.
    class TrustingWebSocket extends WebSocket {
      constructor(address: string | URL, protocols?: string | string[]) {
        super(address, protocols, { ca: cert });
      }
    }
    const doc = new Y.Doc();
    const provider = new WebsocketProvider(`${server.url.replace(/^https/, 'wss')}/sync`, board.id, doc, {
      params: { token },
      WebSocketPolyfill: TrustingWebSocket as unknown as typeof globalThis.WebSocket,
      disableBc: true,
    });
    try {
      await new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('no sync over wss')), 10_000);
        provider.on('sync', (synced: boolean) => {
          if (synced) {
            clearTimeout(timer);
            resolve();
          }
        });
      });
      expect(roots(doc).stages.size).toBeGreaterThan(0);
    } finally {
      provider.destroy();
      doc.destroy();
    }
  });

  it('keeps the same certificate across a restart, and makes a new one when the kept one does not cover this machine', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'tabella-tls-'));
    try {
      const first = await startTestServer({ TLS: 'self-signed', DATA_DIR: dataDir });
      const fingerprint = first.certificate?.fingerprint;
      await first.close();
      const second = await startTestServer({ TLS: 'self-signed', DATA_DIR: dataDir });
      expect(second.certificate?.fingerprint).toBe(fingerprint);
      await second.close();

      // A certificate for some other machine (as after moving to another room's network): replaced.
      const other = await selfSignedPair('elsewhere.example');
      writeFileSync(join(dataDir, 'tls', SELF_SIGNED_CERT), other.cert);
      writeFileSync(join(dataDir, 'tls', SELF_SIGNED_KEY), other.key);
      const third = await startTestServer({ TLS: 'self-signed', DATA_DIR: dataDir });
      const replaced = readFileSync(join(dataDir, 'tls', SELF_SIGNED_CERT), 'utf8');
      expect(third.certificate?.fingerprint).not.toBe(new X509Certificate(other.cert).fingerprint256);
      expect(new X509Certificate(replaced).checkIP('127.0.0.1')).toBe('127.0.0.1');
      await third.close();
    } finally {
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});

describe('TLS from TLS_CERT_FILE and TLS_KEY_FILE', () => {
  const dir = mkdtempSync(join(tmpdir(), 'tabella-tls-files-'));
  let pair: { cert: string; key: string };
  let otherKey: string;

  beforeAll(async () => {
    pair = await selfSignedPair('localhost');
    otherKey = (await selfSignedPair('localhost')).key;
    writeFileSync(join(dir, 'cert.pem'), pair.cert);
    writeFileSync(join(dir, 'key.pem'), pair.key);
    writeFileSync(join(dir, 'other-key.pem'), otherKey);
    writeFileSync(join(dir, 'not-pem.txt'), 'hello');
    mkdirSync(join(dir, 'a-folder'));
  });

  afterAll(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('serves https with the given certificate', async () => {
    const server = await startTestServer({ TLS_CERT_FILE: join(dir, 'cert.pem'), TLS_KEY_FILE: join(dir, 'key.pem') });
    try {
      expect(server.url).toMatch(/^https:/);
      const health = await httpsRequest(`${server.url.replace('127.0.0.1', 'localhost')}/healthz`, pair.cert);
      expect(health.status).toBe(200);
      expect(health.headers['strict-transport-security']).toBeDefined();
    } finally {
      await server.close();
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  });

  it.each([
    [{ TLS_CERT_FILE: 'missing.pem', TLS_KEY_FILE: 'key.pem' }, /TLS_CERT_FILE: cannot read .*missing\.pem \(ENOENT\)/],
    [{ TLS_CERT_FILE: 'cert.pem', TLS_KEY_FILE: 'a-folder' }, /TLS_KEY_FILE: cannot read .*a-folder \(EISDIR\)/],
    [{ TLS_CERT_FILE: 'not-pem.txt', TLS_KEY_FILE: 'key.pem' }, /TLS_CERT_FILE .*not-pem\.txt: not a PEM certificate/],
    [{ TLS_CERT_FILE: 'cert.pem', TLS_KEY_FILE: 'not-pem.txt' }, /TLS_KEY_FILE .*not-pem\.txt: not a usable PEM private key/],
    [{ TLS_CERT_FILE: 'cert.pem', TLS_KEY_FILE: 'other-key.pem' }, /TLS_KEY_FILE .*other-key\.pem: this is not the private key of the certificate in TLS_CERT_FILE .*cert\.pem/],
  ])('refuses to start with %j', async (files, message) => {
    const env = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, join(dir, v)]));
    const start = startTestServer(env);
    await expect(start).rejects.toBeInstanceOf(ConfigError);
    await expect(start).rejects.toThrow(message);
  });

  it('refuses an expired certificate', async () => {
    const pems = await generate([{ name: 'commonName', value: 'localhost' }], {
      keyType: 'ec', algorithm: 'sha256', notBeforeDate: new Date(Date.UTC(2020, 0, 1)), notAfterDate: new Date(Date.UTC(2021, 0, 1)),
    });
    writeFileSync(join(dir, 'expired.pem'), pems.cert);
    writeFileSync(join(dir, 'expired-key.pem'), pems.private);
    await expect(startTestServer({ TLS_CERT_FILE: join(dir, 'expired.pem'), TLS_KEY_FILE: join(dir, 'expired-key.pem') }))
      .rejects.toThrow(/TLS_CERT_FILE: the certificate in .* expired on 2021-01-01/);
  });

  it('the server process stops with exit code 2 and the reason on an unreadable certificate', () => {
    const run = spawnSync(process.execPath, [MAIN], {
      env: { ...process.env, PORT: '0', DATA_DIR: dir, TLS_CERT_FILE: join(dir, 'missing.pem'), TLS_KEY_FILE: join(dir, 'key.pem') },
      encoding: 'utf8',
    });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('Invalid configuration');
    expect(run.stderr).toMatch(/TLS_CERT_FILE: cannot read .*missing\.pem \(ENOENT\)/);
  });
});

describe('without TLS settings: plain http, as before', () => {
  it('sends neither HSTS nor upgrade-insecure-requests, which would break plain http', async () => {
    const server = await startTestServer();
    try {
      expect(server.url).toMatch(/^http:/);
      expect(server.certificate).toBeUndefined();
      const res = await fetch(`${server.url}/healthz`);
      expect(res.headers.get('strict-transport-security')).toBeNull();
      expect(res.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
    } finally {
      await server.close();
      rmSync(server.dataDir, { recursive: true, force: true });
    }
  });
});
