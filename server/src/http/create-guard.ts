import type { Request } from 'express';
import { createHash, timingSafeEqual } from 'node:crypto';
import { statfs } from 'node:fs/promises';
import { CREATE_KEY_HEADER, CREATE_KEY_REQUIRED, CREATE_KEY_WRONG } from '../../../shared/src/index.js';
import { HttpError } from './errors.js';

/** What creating or restoring a board must pass besides the rate limit. */
export interface CreateGuard {
  /** CREATE_KEY, when the server has one. */
  createKey: string | undefined;
  dataDir: string;
  /** MIN_FREE_DISK_MB in bytes. */
  minFreeDiskBytes: number;
}

/** The key a request carries in its header, if any (the JSON field `createKey` is the other way). */
export function headerKey(req: Request): string | undefined {
  return req.get(CREATE_KEY_HEADER);
}

/** Refuses with 401 (no key) or 403 (wrong key) when the server has a create key. */
export function checkCreateKey(guard: CreateGuard, sent: string | undefined): void {
  const expected = guard.createKey;
  if (expected === undefined) return;
  if (sent === undefined || sent === '') {
    throw new HttpError(401, CREATE_KEY_REQUIRED, 'this server needs its create key to create or restore a board');
  }
  // Digests have equal lengths whatever was sent, so the comparison time says nothing about the key.
  const digest = (s: string) => createHash('sha256').update(s).digest();
  if (!timingSafeEqual(digest(sent), digest(expected))) {
    throw new HttpError(403, CREATE_KEY_WRONG, 'wrong create key');
  }
}

/**
 * Refuses with 507 when the data directory's file system has less than
 * `minBytes` available: a full disk would fail writes on every board, so new
 * boards stop first. Space available to this (unprivileged) user counts.
 */
export async function checkFreeDisk(dataDir: string, minBytes: number): Promise<void> {
  if (minBytes <= 0) return;
  const stats = await statfs(dataDir);
  if (stats.bavail * stats.bsize < minBytes) {
    throw new HttpError(507, 'low-disk', 'the server is running out of disk space: no new board can be created or restored until space is freed (MIN_FREE_DISK_MB)');
  }
}
