import type { LogoRunner } from '../brand/logo-runner.js';
import type { ExportRunner } from '../exports/export-runner.js';
import type { BoardAccess } from '../boards/board-access.js';
import type { BoardService } from '../boards/board-service.js';
import type { MemberKicker, MemberService } from '../boards/members.js';
import type { RestoreRunner } from '../boards/restore-runner.js';
import type { RateLimits } from '../config.js';
import type { BoardStore } from '../store/board-store.js';
import type { RoomRegistry } from '../sync/room-registry.js';
import type { CreateGuard } from './create-guard.js';
import type { TokenBuckets } from './rate-limit.js';

/** What the API routers (api.ts, versions-api.ts, follow-up-api.ts) and app.ts are built from. */
export interface ApiDeps {
  boards: BoardService;
  access: BoardAccess;
  rooms: RoomRegistry;
  store: BoardStore;
  members: MemberService;
  kick: MemberKicker;
  publicUrl: string | undefined;
  /** The address the server listens on (HOST). */
  listenHost: string;
  /** Per-address token buckets for the requests anyone can make (rate-limit.ts). */
  rates: Record<keyof RateLimits, TokenBuckets>;
  createGuard: CreateGuard;
  restores: RestoreRunner;
  logos: LogoRunner;
  exports: ExportRunner;
}
