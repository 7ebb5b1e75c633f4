import type { SessionInfo } from '../api/serverApi.js';
import type { Identity } from './identity.js';

/** What the board needs once we know who we are. */
export interface Access {
  /** Personal session token, or the viewer link token for viewers (they do not join). */
  token: string;
  info: SessionInfo;
  identity: Identity;
  /** Joined without seeing the departments (the link does not give them): ask once the board is synced. */
  askDepartment?: boolean;
  /** Just joined on this device: its copy of the board was cleared, so there is nothing to load before connecting. */
  fresh?: boolean;
}
