/* global self, caches, fetch, URL, Response */
/**
 * Tabella's service worker: only so that a page reload while offline still
 * opens the app (the board itself then comes from this device's IndexedDB copy
 * and is sent to the server when the connection is back).
 *
 * - Pages (/, /b/..., /c/..., /f/...): network first, the cached app shell when
 *   the network fails. A new deployment is picked up on the next online load.
 * - /assets/*: file names carry a content hash, so cache first. Installing
 *   caches every script and style sheet of the build (/precache.json, written
 *   by client/vite.config.ts): the board, its views and the forms are chunks
 *   loaded on demand, and an offline reload must find them all.
 * - /api, /sync, everything else: untouched (never cached).
 *
 * Service workers need a secure context: https, or localhost. On a plain-http
 * LAN address the browser does not install it (offline work without reloading
 * still works there); for offline reloads on a room's network, run the server
 * with TLS (README, "Offline reload needs HTTPS"). Over https the certificate
 * must be one the device trusts: Chromium refuses service workers on a
 * certificate error even after the user clicked through the warning.
 */
const CACHE = 'tabella-shell-v2';
const SHELL = '/';

async function cacheShell() {
  const cache = await caches.open(CACHE);
  const response = await fetch(SHELL, { cache: 'no-store' });
  if (!response.ok) return;
  const html = await response.clone().text();
  await cache.put(SHELL, response);
  // The scripts and style sheets the shell names, and every chunk loaded on demand.
  const named = [...html.matchAll(/(?:src|href)="(\/assets\/[^"]+)"/g)].map((m) => m[1]);
  const list = await fetch('/precache.json', { cache: 'no-store' });
  const chunks = list.ok ? await list.json() : [];
  await cache.addAll([...new Set([...named, ...chunks])]);
}

self.addEventListener('install', (event) => {
  event.waitUntil(cacheShell().then(() => self.skipWaiting()));
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    caches.keys()
      .then((keys) => Promise.all(keys.filter((k) => k !== CACHE).map((k) => caches.delete(k))))
      .then(() => self.clients.claim()),
  );
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  if (request.method !== 'GET') return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === 'navigate') {
    event.respondWith(
      fetch(request)
        .then((response) => {
          if (response.ok) {
            const copy = response.clone();
            void caches.open(CACHE).then((cache) => cache.put(SHELL, copy));
          }
          return response;
        })
        .catch(async () => (await caches.match(SHELL)) ?? Response.error()),
    );
    return;
  }
  if (url.pathname.startsWith('/assets/')) {
    event.respondWith(
      caches.match(request).then((hit) => hit ?? fetch(request).then((response) => {
        if (response.ok) {
          const copy = response.clone();
          void caches.open(CACHE).then((cache) => cache.put(request, copy));
        }
        return response;
      })),
    );
  }
});
