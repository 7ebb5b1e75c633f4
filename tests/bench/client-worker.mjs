// Entry of a benchmark client worker thread (see pool.ts). Worker threads do
// not inherit the TypeScript loader of the thread that starts them, whether
// that is `tsx` (npm run bench) or Vitest (the quick-mode test), so the
// worker registers tsx itself, then loads the TypeScript worker.
import { register } from 'tsx/esm/api';

register();
await import('./client-worker.ts');
