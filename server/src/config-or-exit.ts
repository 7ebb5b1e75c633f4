import { ConfigError, readConfig, type Config } from './config.js';

/**
 * For the command-line entry points (the server, the backup): the config from
 * the environment, or the reason on stderr and exit code 2, which scripts and
 * tests read as "a setting to fix", not a crash.
 */
export function readConfigOrExit(env: Record<string, string | undefined>): Config {
  try {
    return readConfig(env);
  } catch (error) {
    if (error instanceof ConfigError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(2);
    }
    throw error;
  }
}
