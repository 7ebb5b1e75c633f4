import { hostname, networkInterfaces } from 'node:os';
import { describe, expect, it } from 'vitest';
import { rawFrames } from '../support/raw-frames.js';
import { useTestServer } from '../support/in-process-server.js';

/**
 * The websocket `Origin` check (docs/security.md "Limits"), with raw upgrade
 * requests carrying forged `Host` and `Origin` headers. Only the handshake
 * answer matters here: 101 (the token is judged after it) or 403.
 */
const fixture = useTestServer({ ALLOWED_ORIGINS: 'https://Whiteboard.Example.com/', PUBLIC_URL: 'https://tabella.example.org/app' });
const PATH = '/sync/AbCdEfGhIjKlMnOp?token=x';

async function handshake(headers: Record<string, string>): Promise<number> {
  const raw = await rawFrames(fixture.server.url, PATH, headers);
  raw.socket.destroy();
  return Number(raw.status.split(' ')[1]);
}

const port = () => new URL(fixture.server.url).port;

describe('websocket Origin', () => {
  it('refuses a page on a name that resolves to this server (DNS rebinding), even though Host and Origin agree', async () => {
    for (const name of ['attacker.example', 'rebind.attacker.example', '127.0.0.1.nip.io']) {
      expect(await handshake({ Host: `${name}:${port()}`, Origin: `http://${name}:${port()}` }), name).toBe(403);
    }
  });

  it('refuses another local web app (other port) and the wrong scheme', async () => {
    expect(await handshake({ Origin: 'http://localhost:5999' })).toBe(403);
    expect(await handshake({ Origin: `https://127.0.0.1:${port()}` })).toBe(403);
    expect(await handshake({ Origin: 'null' })).toBe(403);
  });

  it('accepts the machine\'s own origins, whatever the Host header says', async () => {
    const own = ['localhost', '127.0.0.1', '[::1]', hostname(), ...(hostname().includes('.') ? [] : [`${hostname()}.local`])];
    for (const addresses of Object.values(networkInterfaces())) {
      for (const a of addresses ?? []) own.push(a.family === 'IPv6' ? `[${a.address.split('%')[0]}]` : a.address);
    }
    for (const host of own) {
      expect(await handshake({ Host: `${host}:${port()}`, Origin: `http://${host}:${port()}` }), host).toBe(101);
      expect(await handshake({ Host: `attacker.example:${port()}`, Origin: `http://${host}:${port()}` }), host).toBe(101);
    }
  });

  it('accepts a participant on the room network: the laptop\'s LAN address and port', async () => {
    const lan = Object.values(networkInterfaces()).flat().find((a) => a?.family === 'IPv4' && !a.internal);
    if (!lan) return; // No network interface besides loopback on this machine: covered by the test above.
    expect(await handshake({ Host: `${lan.address}:${port()}`, Origin: `http://${lan.address}:${port()}` })).toBe(101);
  });

  it('accepts PUBLIC_URL\'s origin and ALLOWED_ORIGINS (normalised), and clients that send no Origin', async () => {
    expect(await handshake({ Origin: 'https://tabella.example.org' })).toBe(101);
    expect(await handshake({ Origin: 'https://whiteboard.example.com' })).toBe(101);
    expect(await handshake({})).toBe(101);
  });
});
