import { defineConfig } from 'vite';
import react from '@vitejs/plugin-react';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('.', import.meta.url));
// In development the API and sync server run separately (npm run dev); Vite
// proxies both so the browser still talks to one origin, as in production.
const backend = `http://127.0.0.1:${process.env.TABELLA_DEV_API_PORT ?? '8080'}`;

export default defineConfig({
  root,
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: true,
    chunkSizeWarningLimit: 1500,
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
