import { defineConfig, type Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
// In development the API and sync server run separately (npm run dev); Vite
// proxies both so the browser still talks to one origin, as in production.
const backend = `http://127.0.0.1:${process.env.TABELLA_DEV_API_PORT ?? '8080'}`;

/**
 * dist/precache.json: every script and style sheet of the build, for the
 * service worker (public/sw.js) to cache when it installs. The board and its
 * views are loaded on demand, so the page's HTML no longer names them all, and
 * a reload while offline must still find them.
 */
function precacheList(): Plugin {
  return {
    name: 'tabella-precache-list',
    generateBundle(_options, bundle) {
      const files = Object.keys(bundle).filter((name) => /^assets\/.*\.(js|css)$/.test(name)).sort().map((name) => `/${name}`);
      this.emitFile({ type: 'asset', fileName: 'precache.json', source: `${JSON.stringify(files, null, 1)}\n` });
    },
  };
}

export default defineConfig({
  root,
  plugins: [react(), precacheList()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    // dist/.vite/manifest.json: which chunks each entry pulls in (tests/integration/bundle-budget.test.ts).
    manifest: true,
    rolldownOptions: {
      // shared/src is the pure board model: importing a module of it does nothing but define things.
      // Said here, so that a page importing one name from its index (shared/src/index.ts) does not
      // get every module with top-level tables (similarity, permissions) and, through them, Yjs.
      treeshake: { moduleSideEffects: [{ test: /[\\/]shared[\\/]src[\\/]/, sideEffects: false }] },
      output: {
        // The board's libraries in chunks of their own (cached across deployments of our code);
        // the home and join pages load none of them (app/boardChunk.ts, the lazy views and forms).
        codeSplitting: {
          // Listed first, so React stays one chunk of the page's own (groups take their modules' dependencies too).
          groups: [
            { name: 'react', test: /[\\/]node_modules[\\/](react|react-dom|scheduler)[\\/]/ },
            { name: 'canvas', test: /[\\/]node_modules[\\/](konva|react-konva|react-reconciler|its-fine)[\\/]/ },
            { name: 'sync', test: /[\\/]node_modules[\\/](yjs|lib0|y-protocols|y-websocket|y-indexeddb)[\\/]/ },
          ],
        },
      },
    },
  },
  server: {
    port: 5173,
    proxy: {
      '/api': backend,
      '/healthz': backend,
      '/sync': { target: backend.replace('http', 'ws'), ws: true },
    },
  },
});
