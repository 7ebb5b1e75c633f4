import { hostname, networkInterfaces } from 'node:os';

/** How long the machine's addresses are reused before they are read again (a laptop may join the Wi-Fi after start). */
const INTERFACES_TTL_MS = 5_000;

/**
 * Which web origins may open a websocket: the configured ones (PUBLIC_URL,
 * ALLOWED_ORIGINS) and the machine's own, that is each name this server can
 * be reached under directly (localhost, 127.0.0.1, [::1], every interface
 * address, the host name, the listening address, the names in its TLS
 * certificate), with the server's scheme and port. A participant who opened http(s)://<laptop LAN IP>:<port> is on
 * one of them.
 *
 * Never the request's own `Host` header: with DNS rebinding, a page on
 * attacker.example whose name later resolves to this server sends
 * `Host: attacker.example:<port>` and `Origin: http://attacker.example:<port>`,
 * which would match each other.
 */
export class OriginPolicy {
  private port: number | undefined;
  private own = new Set<string>();
  private readAt = -Infinity;

  constructor(
    private readonly configured: readonly string[],
    private readonly scheme: 'http' | 'https',
    private readonly listenHost: string,
    /** Further names of this server: its TLS certificate's DNS names. */
    private readonly names: readonly string[] = [],
  ) {}

  /** The port is known once the server listens (PORT=0 picks one). */
  listening(port: number): void {
    this.port = port;
    this.readAt = -Infinity;
  }

  allows(origin: string): boolean {
    if (this.configured.includes(origin)) return true;
    if (this.port === undefined) return false;
    const now = performance.now();
    if (now - this.readAt > INTERFACES_TTL_MS || (!this.own.has(origin) && now - this.readAt > 1_000)) {
      this.own = ownOrigins(this.scheme, this.port, this.listenHost, this.names);
      this.readAt = now;
    }
    return this.own.has(origin);
  }
}

/** Every origin under which a browser reaches this machine's server directly. */
export function ownOrigins(scheme: 'http' | 'https', port: number, listenHost: string, names: readonly string[] = []): Set<string> {
  const name = hostname().toLowerCase();
  // `<name>.local` is how other laptops in the room reach this one by name (mDNS/Bonjour).
  const hosts = new Set(['localhost', '127.0.0.1', '[::1]', name, ...(name.includes('.') ? [] : [`${name}.local`]), ...names]);
  if (listenHost !== '0.0.0.0' && listenHost !== '::') hosts.add(listenHost.includes(':') ? `[${listenHost}]` : listenHost.toLowerCase());
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) {
      // Browsers put no zone id (fe80::1%eth0) in an origin.
      if (a.family === 'IPv6') hosts.add(`[${a.address.split('%')[0]!}]`);
      else hosts.add(a.address);
    }
  }
  // The default port is left out of an origin by browsers.
  const defaultPort = scheme === 'https' ? 443 : 80;
  const suffix = port === defaultPort ? '' : `:${port}`;
  return new Set([...hosts].map((host) => `${scheme}://${host}${suffix}`));
}
