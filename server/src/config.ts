import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import proxyaddr from 'proxy-addr';
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
  SEND_BUFFER_BYTES_PER_IP: z.coerce.number().int().min(64 * 1024).max(16 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  COMPACT_EVERY: z.coerce.number().int().min(10).max(1_000_000).default(500),
  STATIC_DIR: z.string().min(1).optional(),
  ALLOWED_ORIGINS: z.string().optional(),
  MAX_CONNECTIONS: z.coerce.number().int().min(1).max(1_000_000).default(5_000),
  MAX_CONNECTIONS_PER_IP: z.coerce.number().int().min(1).max(1_000_000).default(1_000),
  MESSAGES_PER_SECOND: z.coerce.number().int().min(1).max(100_000).default(200),
  MAX_BOARD_BYTES: z.coerce.number().int().min(1024 * 1024).max(4 * 1024 * 1024 * 1024).default(64 * 1024 * 1024),
  MAX_PRESENCE_PER_BOARD: z.coerce.number().int().min(1).max(100_000).default(1_000),
  DRAIN_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(10_000),
  REQUEST_TIMEOUT_MS: z.coerce.number().int().min(100).max(3_600_000).default(30_000),
  MAX_UNSAVED_BYTES: z.coerce.number().int().min(64 * 1024).max(1024 * 1024 * 1024).default(16 * 1024 * 1024),
  TLS: z.enum(['off', 'self-signed']).default('off'),
  MAX_RESTORE_BYTES: z.coerce.number().int().min(64 * 1024).max(1024 * 1024 * 1024).default(16 * 1024 * 1024),
  RESTORE_TIMEOUT_MS: z.coerce.number().int().min(100).max(600_000).default(5_000),
  CREATE_KEY: z.string().min(8, 'must be at least 8 characters').max(200).optional(),
  MIN_FREE_DISK_MB: z.coerce.number().int().min(0).max(Number.MAX_SAFE_INTEGER).default(256),
  CREATES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(30),
  RESTORES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(10),
  JOINS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  FORM_POSTS_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(120),
  JOIN_CODE_FAILURES_PER_MINUTE: z.coerce.number().int().min(1).max(1_000_000).default(10),
  TLS_CERT_FILE: z.string().min(1).optional(),
  TLS_KEY_FILE: z.string().min(1).optional(),
  DATABASE_URL: z.string().regex(/^postgres(ql)?:\/\/\S+$/, 'must be a postgres:// or postgresql:// URL').optional(),
  REDIS_URL: z.url({ protocol: /^rediss?$/ }).optional(),
  CATCH_UP_POLL_MS: z.coerce.number().int().min(50).max(600_000).default(1_000),
  CATCH_UP_POLL_MS_WITHOUT_REDIS: z.coerce.number().int().min(50).max(600_000).default(250),
  NODE_ID: z.string().regex(/^[A-Za-z0-9._-]{1,64}$/, 'letters, digits, dot, dash or underscore, at most 64').optional(),
  TRUSTED_PROXIES: z.string().default('loopback'),
}).superRefine((c, ctx) => {
  try {
    proxyaddr.compile(trustedProxies(c.TRUSTED_PROXIES));
  } catch (error) {
    ctx.addIssue({ code: 'custom', path: ['TRUSTED_PROXIES'], message: `${(error as Error).message}: use addresses, CIDR ranges, loopback, linklocal, uniquelocal or none` });
  }
  // Redis only carries news between nodes; what they share is the PostgreSQL store (docs/scaling.md).
  if (c.REDIS_URL && !c.DATABASE_URL) {
    ctx.addIssue({ code: 'custom', path: ['REDIS_URL'], message: 'needs DATABASE_URL: nodes share a PostgreSQL store, Redis only carries news between them' });
  }
  // HTTPS from files needs both; a self-signed certificate is made by Tabella, so no files then.
  if (c.TLS_CERT_FILE && !c.TLS_KEY_FILE) {
    ctx.addIssue({ code: 'custom', path: ['TLS_KEY_FILE'], message: 'missing: TLS_CERT_FILE is set, so TLS_KEY_FILE (its private key, PEM) must be too' });
  }
  if (c.TLS_KEY_FILE && !c.TLS_CERT_FILE) {
    ctx.addIssue({ code: 'custom', path: ['TLS_CERT_FILE'], message: 'missing: TLS_KEY_FILE is set, so TLS_CERT_FILE (the certificate, PEM) must be too' });
  }
  if (c.TLS === 'self-signed' && (c.TLS_CERT_FILE || c.TLS_KEY_FILE)) {
    ctx.addIssue({ code: 'custom', path: ['TLS'], message: 'self-signed makes its own certificate: unset TLS, or unset TLS_CERT_FILE and TLS_KEY_FILE' });
  }
});

/**
 * How the one port is served. `files`: HTTPS with the given PEM files.
 * `self-signed`: HTTPS with a certificate Tabella makes and keeps in `dir`.
 */
export type TlsConfig =
  | { kind: 'off' }
  | { kind: 'files'; certFile: string; keyFile: string }
  | { kind: 'self-signed'; dir: string };

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
  /** Unsent bytes all sockets of one address may hold together before more are refused. */
  maxBufferedBytesPerIp: number;
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
  /** Bytes of accepted changes one board may hold unwritten (storage failing) before it refuses more. */
  maxUnsavedBytes: number;
  /** How long presence changes are gathered before one message goes out. */
  presenceTickMs: number;
  /** Longest a stop (SIGTERM, SIGINT) may take to close sockets and flush every board before the process exits anyway (code 1). */
  drainTimeoutMs: number;
  /** Longest an HTTP request may take from its first byte to its last (headers get at most 10 s of it). */
  requestTimeoutMs: number;
  /** Plain HTTP (off) or HTTPS and WSS on the same port. */
  tls: TlsConfig;
  /** Largest board.json upload (the request body of a restore). */
  maxRestoreBytes: number;
  /** Time a restore worker may spend on one backup before it is terminated. */
  restoreTimeoutMs: number;
  /** When set, creating or restoring a board needs it (header X-Create-Key or field createKey). */
  createKey: string | undefined;
  /** Below this much free space in dataDir, no board is created or restored (507). */
  minFreeDiskBytes: number;
  /** Per client address, per minute (token buckets: bursts up to the same number). */
  rateLimits: RateLimits;
  /** When set, boards live in this PostgreSQL database (shared by every node) instead of SQLite in dataDir. */
  databaseUrl: string | undefined;
  /** Redis between the nodes that share a PostgreSQL store (docs/scaling.md); undefined: none. */
  redisUrl: string | undefined;
  /** This node's name on the bus and in logs; a random one when unset. */
  nodeId: string | undefined;
  /**
   * How often a node sharing its store reads the store's heads: with Redis up
   * (to notice a lost last message), and without it (then the only way
   * between nodes). docs/scaling.md.
   */
  catchUpPoll: { pollMs: number; pollMsWithoutBus: number };
  /**
   * Peers whose X-Forwarded-For names the client (a load balancer): addresses,
   * CIDR ranges or proxy-addr's names (`loopback`, `linklocal`, `uniquelocal`).
   */
  trustedProxies: string[];
}

/** Requests per minute one client address may make, by kind. */
export interface RateLimits {
  creates: number;
  restores: number;
  joins: number;
  /** Commitment and feedback posts together. */
  formPosts: number;
  /** Join codes that admitted nobody (wrong, closed, malformed): the guessing budget (docs/security.md). */
  codeFailures: number;
}

export class ConfigError extends Error {}

export function readConfig(env: Record<string, string | undefined>): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ''));
  const parsed = schema.safeParse(present);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => {
      const value = present[String(i.path[0])];
      return `  ${i.path.join('.')}: ${i.message} (${value === undefined ? 'not set' : `got ${JSON.stringify(withoutPassword(value))}`})`;
    });
    throw new ConfigError(`Invalid configuration:\n${lines.join('\n')}`);
  }
  const c = parsed.data;
  const dataDir = resolve(c.DATA_DIR);
  return {
    port: c.PORT,
    host: c.HOST,
    dataDir,
    publicUrl: c.PUBLIC_URL?.replace(/\/+$/, ''),
    logLevel: c.LOG_LEVEL,
    durability: c.DURABILITY,
    maxMessageBytes: c.MAX_MESSAGE_BYTES,
    pingIntervalMs: c.PING_INTERVAL_MS,
    maxBufferedBytes: c.SEND_BUFFER_BYTES,
    maxBufferedBytesPerIp: c.SEND_BUFFER_BYTES_PER_IP,
    compactEvery: c.COMPACT_EVERY,
    staticDir: resolve(c.STATIC_DIR ?? fileURLToPath(new URL('../../client/dist', import.meta.url))),
    allowedOrigins: [
      ...(c.PUBLIC_URL ? [new URL(c.PUBLIC_URL).origin] : []),
      // Browsers send an origin lowercased and without a path.
      ...(c.ALLOWED_ORIGINS ?? '').split(',').map((o) => o.trim().toLowerCase().replace(/\/+$/, '')).filter(Boolean),
    ],
    maxConnections: c.MAX_CONNECTIONS,
    maxConnectionsPerIp: c.MAX_CONNECTIONS_PER_IP,
    messagesPerSecond: c.MESSAGES_PER_SECOND,
    maxBoardBytes: c.MAX_BOARD_BYTES,
    maxPresencePerBoard: c.MAX_PRESENCE_PER_BOARD,
    maxUnsavedBytes: c.MAX_UNSAVED_BYTES,
    presenceTickMs: c.PRESENCE_TICK_MS,
    requestTimeoutMs: c.REQUEST_TIMEOUT_MS,
    drainTimeoutMs: c.DRAIN_TIMEOUT_MS,
    tls: tlsConfig(c.TLS, c.TLS_CERT_FILE, c.TLS_KEY_FILE, dataDir),
    maxRestoreBytes: c.MAX_RESTORE_BYTES,
    restoreTimeoutMs: c.RESTORE_TIMEOUT_MS,
    createKey: c.CREATE_KEY,
    minFreeDiskBytes: c.MIN_FREE_DISK_MB * 1024 * 1024,
    rateLimits: {
      creates: c.CREATES_PER_MINUTE,
      restores: c.RESTORES_PER_MINUTE,
      joins: c.JOINS_PER_MINUTE,
      formPosts: c.FORM_POSTS_PER_MINUTE,
      codeFailures: c.JOIN_CODE_FAILURES_PER_MINUTE,
    },
    databaseUrl: c.DATABASE_URL,
    redisUrl: c.REDIS_URL,
    nodeId: c.NODE_ID,
    catchUpPoll: { pollMs: c.CATCH_UP_POLL_MS, pollMsWithoutBus: c.CATCH_UP_POLL_MS_WITHOUT_REDIS },
    trustedProxies: trustedProxies(c.TRUSTED_PROXIES),
  };
}

/** `a, b/24, loopback` as a list; `none` trusts no forwarding header at all. */
function trustedProxies(value: string): string[] {
  const list = value.split(',').map((p) => p.trim()).filter(Boolean);
  return list.length === 1 && list[0] === 'none' ? [] : list;
}

/** A URL's password never reaches the log: `postgres://user:secret@host` is shown `postgres://user:***@host`. */
function withoutPassword(value: string): string {
  return value.replace(/^([a-z]+:\/\/[^:/@\s]*:)[^@\s]*@/i, '$1***@');
}

function tlsConfig(mode: 'off' | 'self-signed', certFile: string | undefined, keyFile: string | undefined, dataDir: string): TlsConfig {
  if (certFile && keyFile) return { kind: 'files', certFile: resolve(certFile), keyFile: resolve(keyFile) };
  if (mode === 'self-signed') return { kind: 'self-signed', dir: join(dataDir, 'tls') };
  return { kind: 'off' };
}
