import { X509Certificate, createPrivateKey } from 'node:crypto';
import { mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { isIP } from 'node:net';
import { hostname, networkInterfaces } from 'node:os';
import { join } from 'node:path';
import type { Logger } from 'pino';
import { generate } from 'selfsigned';
import { ConfigError, type TlsConfig } from '../config.js';

/** What the HTTPS server is started with. */
export interface TlsCredentials {
  /** PEM: the certificate (and any intermediates after it). */
  cert: string;
  /** PEM: its private key. */
  key: string;
  /** SHA-256 fingerprint of the certificate, as browsers show it. */
  fingerprint: string;
  /** Where it is on disk (for the start log). */
  certFile: string;
  validTo: Date;
}

/** File names of the self-signed certificate under `DATA_DIR/tls`. */
export const SELF_SIGNED_CERT = 'self-signed-cert.pem';
export const SELF_SIGNED_KEY = 'self-signed-key.pem';

const DAY_MS = 24 * 60 * 60 * 1000;
/** A kept self-signed certificate is replaced this long before it expires. */
const RENEW_BEFORE_MS = 30 * DAY_MS;
/** Validity of a self-signed certificate: the 398-day ceiling browsers apply to server certificates, less a day. */
const SELF_SIGNED_VALID_MS = 397 * DAY_MS;

/**
 * The certificate and key for HTTPS, or undefined for plain HTTP. Files are
 * read and checked here, so that a wrong path, a key that does not belong to
 * the certificate or an expired certificate stops the start with a message
 * naming the setting, instead of failing on the first browser's handshake.
 */
export async function loadTls(tls: TlsConfig, names: string[], log: Logger): Promise<TlsCredentials | undefined> {
  switch (tls.kind) {
    case 'off':
      return undefined;
    case 'files': {
      const cert = readPem(tls.certFile, 'TLS_CERT_FILE');
      const key = readPem(tls.keyFile, 'TLS_KEY_FILE');
      const x509 = checkPair(cert, key, `TLS_CERT_FILE ${tls.certFile}`, `TLS_KEY_FILE ${tls.keyFile}`);
      const validTo = new Date(x509.validTo);
      if (validTo.getTime() <= Date.now()) {
        throw new ConfigError(`TLS_CERT_FILE: the certificate in ${tls.certFile} expired on ${validTo.toISOString()}`);
      }
      if (validTo.getTime() - Date.now() < 14 * DAY_MS) {
        log.warn({ certFile: tls.certFile, validTo }, 'the TLS certificate expires within two weeks');
      }
      return { cert, key, fingerprint: x509.fingerprint256, certFile: tls.certFile, validTo };
    }
    case 'self-signed':
      return selfSigned(tls.dir, names, log);
  }
}

/**
 * Names the self-signed certificate must cover: loopback, this machine's name
 * and every address it has on a network (what people in the room type or get
 * in their links), plus the configured host and PUBLIC_URL's host.
 */
export function certificateNames(listenHost: string, publicUrl: string | undefined): string[] {
  const names = new Set(['localhost', '127.0.0.1', '::1']);
  const name = hostname().toLowerCase();
  if (DNS_NAME.test(name)) {
    names.add(name);
    if (!name.includes('.')) names.add(`${name}.local`);
  }
  for (const addresses of Object.values(networkInterfaces())) {
    for (const a of addresses ?? []) {
      // Link-local IPv6 addresses need a zone (fe80::1%eth0), which no link carries.
      if (!a.internal && !(a.family === 'IPv6' && a.address.toLowerCase().startsWith('fe80:'))) names.add(a.address);
    }
  }
  const configured = [listenHost, ...(publicUrl ? [new URL(publicUrl).hostname.replace(/^\[|\]$/g, '')] : [])];
  for (const n of configured) {
    // A name a certificate cannot hold would make a new certificate at every start.
    if (n !== '0.0.0.0' && n !== '::' && (isIP(n) || DNS_NAME.test(n))) names.add(n.toLowerCase());
  }
  return [...names];
}

const DNS_NAME = /^[a-z0-9-]+(\.[a-z0-9-]+)*$/i;

function readPem(file: string, variable: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code ?? (error as Error).message;
    throw new ConfigError(`${variable}: cannot read ${file} (${reason})`);
  }
}

function checkPair(cert: string, key: string, certName: string, keyName: string): X509Certificate {
  let x509: X509Certificate;
  try {
    x509 = new X509Certificate(cert);
  } catch {
    throw new ConfigError(`${certName}: not a PEM certificate`);
  }
  let privateKey;
  try {
    privateKey = createPrivateKey(key);
  } catch (error) {
    throw new ConfigError(`${keyName}: not a usable PEM private key without a passphrase (${(error as Error).message})`);
  }
  if (!x509.checkPrivateKey(privateKey)) {
    throw new ConfigError(`${keyName}: this is not the private key of the certificate in ${certName}`);
  }
  return x509;
}

/** Covers every name, and is not about to expire. */
function stillGood(x509: X509Certificate, names: string[]): boolean {
  if (new Date(x509.validTo).getTime() - Date.now() < RENEW_BEFORE_MS) return false;
  return names.every((n) => (isIP(n) ? x509.checkIP(n) : x509.checkHost(n, { wildcards: false })) !== undefined);
}

/**
 * A self-signed certificate kept in `dir`, so that it stays the same across
 * restarts (a device that trusts it keeps trusting it). A new one is made when
 * there is none, when it is 30 days from expiry, or when this machine has an
 * address it does not cover (another room's network).
 */
async function selfSigned(dir: string, names: string[], log: Logger): Promise<TlsCredentials> {
  const certFile = join(dir, SELF_SIGNED_CERT);
  const keyFile = join(dir, SELF_SIGNED_KEY);
  let kept: { cert: string; key: string; x509: X509Certificate } | undefined;
  try {
    const cert = readFileSync(certFile, 'utf8');
    const key = readFileSync(keyFile, 'utf8');
    kept = { cert, key, x509: checkPair(cert, key, certFile, keyFile) };
  } catch {
    kept = undefined;
  }
  if (kept && stillGood(kept.x509, names)) {
    return { cert: kept.cert, key: kept.key, fingerprint: kept.x509.fingerprint256, certFile, validTo: new Date(kept.x509.validTo) };
  }

  const now = new Date();
  const pems = await generate([{ name: 'commonName', value: `Tabella on ${hostname()}` }], {
    keyType: 'ec',
    curve: 'P-256',
    algorithm: 'sha256',
    notBeforeDate: new Date(now.getTime() - 60_000),
    notAfterDate: new Date(now.getTime() + SELF_SIGNED_VALID_MS),
    extensions: [
      { name: 'basicConstraints', cA: false, critical: true },
      { name: 'keyUsage', digitalSignature: true, critical: true },
      { name: 'extKeyUsage', serverAuth: true },
      { name: 'subjectAltName', altNames: names.map((n) => (isIP(n) ? { type: 7 as const, ip: n } : { type: 2 as const, value: n })) },
    ],
  });
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    writeAtomically(keyFile, pems.private, 0o600);
    writeAtomically(certFile, pems.cert, 0o644);
  } catch (error) {
    throw new ConfigError(`TLS=self-signed: cannot keep the certificate in ${dir} (${(error as NodeJS.ErrnoException).code ?? String(error)})`);
  }
  const x509 = new X509Certificate(pems.cert);
  log.info({ certFile, names, reason: kept ? 'new names or near expiry' : 'none kept yet' }, 'made a self-signed TLS certificate');
  return { cert: pems.cert, key: pems.private, fingerprint: x509.fingerprint256, certFile, validTo: new Date(x509.validTo) };
}

function writeAtomically(file: string, content: string, mode: number): void {
  const temp = `${file}.${process.pid}.tmp`;
  writeFileSync(temp, content, { mode });
  renameSync(temp, file);
}

/**
 * The DNS names a certificate is for (its subjectAltName), without wildcards:
 * the names the operator set this server up under, which browsers accept only
 * with this certificate, so a rebound name cannot pass as one of them.
 */
export function certificateDnsNames(certPem: string): string[] {
  const san = new X509Certificate(certPem).subjectAltName ?? '';
  return san.split(', ')
    .filter((entry) => entry.startsWith('DNS:') && !entry.includes('*'))
    .map((entry) => entry.slice(4).toLowerCase());
}
