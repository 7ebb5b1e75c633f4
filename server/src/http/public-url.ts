import type { Request } from 'express';
import { networkInterfaces } from 'node:os';

const LOOPBACK = /^(localhost|127(?:\.\d{1,3}){3}|\[::1\])(?::\d+)?$/i;

/** First non-internal IPv4 address of this machine: what people in the room can reach. */
export function lanAddress(): string | undefined {
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) if (a.family === 'IPv4' && !a.internal) return a.address;
  }
  return undefined;
}

/**
 * Base URL for the links handed out. PUBLIC_URL wins. Otherwise the request's
 * own origin, except that a facilitator who opened Tabella as `localhost` on a
 * server listening on every interface gets links with the machine's LAN
 * address: a localhost link would open nothing on participants' laptops.
 */
export function publicBaseUrl(req: Request, publicUrl: string | undefined, listenHost: string): string {
  if (publicUrl) return publicUrl;
  const host = req.get('host') ?? 'localhost';
  const everyInterface = listenHost === '0.0.0.0' || listenHost === '::';
  if (everyInterface && LOOPBACK.test(host)) {
    const lan = lanAddress();
    const port = /:(\d+)$/.exec(host)?.[1];
    if (lan) return `${req.protocol}://${lan}${port ? `:${port}` : ''}`;
  }
  return `${req.protocol}://${host}`;
}
