import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65535);

/** Every setting, read and validated once at start (see README "Configuration"). */
const schema = z.object({
  PORT: port.default(8080),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATA_DIR: z.string().min(1).default('./data'),
  PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DURABILITY: z.enum(['full', 'normal']).default('normal'),
  PRESENCE_TICK_MS: z.coerce.number().int().min(0).max(1_000).default(50),
  MAX_MESSAGE_BYTES: z.coerce.number().int().min(64 * 1024).max(256 * 1024 * 1024).default(8 * 1024 * 1024),
  PING_INTERVAL_MS: z.coerce.number().int().min(1000).max(600_000).default(30_000),
  SEND_BUFFER_BYTES: z.coerce.number().int().min(64 * 1024).max(1024 * 1024 * 1024).default(16 * 1024 * 1024),
  COMPACT_EVERY: z.coerce.number().int().min(10).max(1_000_000).default(500),
  STATIC_DIR: z.string().min(1).optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
  MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(200),
  MAX_BOARD_BYTES: z.coerce.number().int().min(1024 * 1024).max(4 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  MAX_PRESENCE_PER_BOARD: z.coerce.number().int().min(1).max(100_000).default(1_000),
});

export interface Config {
  port: number;
  host: string;
  dataDir: string;
  /** Base for the links handed out; derived from each request's Host when unset. */
  publicUrl: string | undefined;
  logLevel: string;
  durability: 'full' | 'normal';
  maxMessageBytes: number;
  pingIntervalMs: number;
  /** Unsent bytes a socket may hold before it is closed as too slow. */
  maxBufferedBytes: number;
  compactEvery: number;
  /** The built client (client/dist). */
  staticDir: string;
  /** Extra origins allowed to open websockets (besides the server's own). */
  allowedOrigins: string[];
  maxConnections: number;
  maxConnectionsPerIp: number;
  /** Messages per second per connection (bursts up to twice that). */
  messagesPerSecond: number;
  /** Stored size at which a board refuses further growth. */
  maxBoardBytes: number;
  /** Presence states one board keeps at most. */
  maxPresencePerBoard: number;
  /** How long presence changes are gathered before one message goes out. */
  presenceTickMs: number;
}

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message} (got ${JSON.stringify(present[String(i.path[0])])})`);
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir: resolve(c.DATA_DIR),
    publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
    logLevel: c.LOG_LEVEL,
    durability: c.DURABILITY,
    maxMessageBytes: c.MAX_MESSAGE_BYTES,
    pingIntervalMs: c.PING_INTERVAL_MS,
    maxBufferedBytes: c.SEND_BUFFER_BYTES,
    compactEvery: c.COMPACT_EVERY,
    staticDir: resolve(c.STATIC_DIR ?? fileURLToPath(new URL('../../client/dist', import.meta.url))),
    allowedOrigins: [
      ...(c.PUBLIC_URL ? [new URL(c.PUBLIC_URL).origin] : []),
      ...(c.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim()).filter(Boolean),
    ],
    maxConnections: c.MAX_CONNECTIONS,
    maxConnectionsPerIp: c.MAX_CONNECTIONS_PER_IP,
    messagesPerSecond: c.MESSAGES_PER_SECOND,
    maxBoardBytes: c.MAX_BOARD_BYTES,
    maxPresencePerBoard: c.MAX_PRESENCE_PER_BOARD,
    presenceTickMs: c.PRESENCE_TICK_MS,
  };
}
