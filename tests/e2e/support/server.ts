import { rmSync } from 'node:fs';
import { ServerProcess } from '../../support/server-process.js';

export interface RunningServer {
  url: string;
  /** The server's current process id (it changes with `resume()`). */
  readonly pid: number;
  stop(): Promise<void>;
  /** Graceful stop that keeps the data directory, for `resume()`. */
  halt(): Promise<void>;
  /** Starts again on the same port with the same data. */
  resume(): Promise<void>;
}

/**
 * The real built server (server/dist/main.js, serving client/dist) on port 0
 * with a throwaway data directory; stop() is a graceful SIGTERM. halt() and
 * resume() take it away and bring it back on the same URL (the server restarting).
 * `env` adds settings (README, "Configuration"), e.g. TLS_CERT_FILE.
 */
export async function startServer(env: Record<string, string> = {}): Promise<RunningServer> {
  const process = new ServerProcess(undefined, env);
  const url = await process.start(20_000);
  return {
    url,
    get pid() {
      return process.pid;
    },
    async stop() {
      await process.stop();
      rmSync(process.dataDir, { recursive: true, force: true });
    },
    async halt() {
      await process.stop();
    },
    async resume() {
      await process.start(20_000);
    },
  };
}
