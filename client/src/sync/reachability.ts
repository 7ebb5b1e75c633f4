/** How long a reachability probe may take before the server counts as unreachable. */
const PROBE_TIMEOUT_MS = 4_000;

/**
 * Whether this device can reach the workshop server right now: any HTTP
 * answer from `/healthz` means yes; a network error or no answer in time
 * means no. The service worker never serves `/healthz` from its cache
 * (client/public/sw.js leaves everything outside pages and /assets alone),
 * so the answer comes from the network.
 *
 * Why not `navigator.onLine` alone: it only says whether the device has a
 * network interface up. A laptop on the room's Wi-Fi with no route to the
 * server, or a browser that reports "online" at load while its network is
 * gone (seen with Chromium 150 after a reload under emulated offline), say
 * `true` although nothing can be reached.
 */
export async function serverReachable(timeoutMs = PROBE_TIMEOUT_MS): Promise<boolean> {
  try {
    await fetch('/healthz', { cache: 'no-store', signal: AbortSignal.timeout(timeoutMs) });
    return true;
  } catch {
    return false;
  }
}
