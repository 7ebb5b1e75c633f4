import { ConfigError } from './config.js';
import { readConfigOrExit } from './config-or-exit.js';
import { lanAddress } from './http/public-url.js';
import { createLogger } from './log.js';
import { startServer } from './server.js';
import { DatabaseRefused } from './store/database-check.js';

/** Process entry point: config from the environment, graceful stop on signals. */
async function main(): Promise<void> {
  const config = readConfigOrExit(process.env);
  const log = createLogger(config.logLevel);
  let server;
  try {
    server = await startServer(config, { log });
  } catch (error) {
    // A certificate that cannot be read or does not fit its key: a setting to fix, like a bad value.
    if (error instanceof ConfigError) {
      process.stderr.write(`Invalid configuration:\n  ${error.message}\n`);
      process.exit(2);
    }
    // An empty or damaged database: starting would lose or damage boards (README, "Backups").
    if (error instanceof DatabaseRefused) {
      process.stderr.write(`Tabella did not start: ${error.message}\n`);
      process.exit(3);
    }
    throw error;
  }
  // Tests and scripts read this line to learn the port when PORT=0.
  log.info({ url: server.url, dataDir: config.dataDir }, 'Tabella listening');
  if (server.certificate) {
    const { file, fingerprint, validTo } = server.certificate;
    log.info({ certFile: file, sha256: fingerprint, validTo }, 'HTTPS and WSS on this port');
  }
  if (config.host === '127.0.0.1' || config.host === 'localhost') {
    log.info('Only this computer can connect. For a workshop on the room network, start with HOST=0.0.0.0');
  } else if (config.host === '0.0.0.0' || config.host === '::') {
    const lan = lanAddress();
    const { protocol, port } = new URL(server.url);
    if (lan) log.info({ url: `${protocol}//${lan}:${port}` }, 'Reachable on the room network');
    if (!server.certificate) {
      log.info('Plain HTTP: reloading a board while offline needs HTTPS on a network address (README, "Offline reload needs HTTPS")');
    }
  }

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'stopping: flushing boards (draining: new requests and websockets refused)');
    // Bounded: a store that hangs must not keep a deploy waiting. Nothing acknowledged is lost
    // either way (acks follow commits); unacknowledged changes are resent by their clients.
    setTimeout(() => {
      log.error({ drainTimeoutMs: config.drainTimeoutMs }, 'drain did not finish within DRAIN_TIMEOUT_MS: exiting');
      process.exit(1);
    }, config.drainTimeoutMs);
    server.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'error while stopping');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => stop('SIGINT'));
  process.on('SIGTERM', () => stop('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Tabella failed to start: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
