import { rmSync } from 'node:fs';
import { ServerProcess } from '../../support/server-process.js';

export interface RunningServer {
  url: string;
  stop(): Promise<void>;
}

/**
 * The real built server (server/dist/main.js, serving client/dist) on port 0
 * with a throwaway data directory; stop() is a graceful SIGTERM.
 */
export async function startServer(): Promise<RunningServer> {
  const process = new ServerProcess();
  const url = await process.start(20_000);
  return {
    url,
    async stop() {
      await process.stop();
      rmSync(process.dataDir, { recursive: true, force: true });
    },
  };
}
